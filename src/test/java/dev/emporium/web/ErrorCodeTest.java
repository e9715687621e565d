package dev.emporium.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The error codes the code uses, the ErrorCode list (the OpenAPI schema) and docs/errors.md agree. */
class ErrorCodeTest {

    private static final Set<String> KNOWN = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());
    /** A code literal handed to whatever builds an error: ApiException and its factories, ErrorResponses, ApiError. */
    private static final Pattern USE = Pattern.compile(
            "(?:ApiException\\.\\w+|new ApiException|ErrorResponses\\.of|new ApiError)\\(\\s*(?:\\d+\\s*,\\s*)?\"([A-Z][A-Z_]+)\"");

    @Test
    void everyCodeTheSourceUsesIsListed() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher use = USE.matcher(Files.readString(file));
                while (use.find()) {
                    used.add(use.group(1));
                }
            }
        }
        assertTrue(used.size() > 15, "the scan finds the codes: " + used);
        Set<String> unlisted = new TreeSet<>(used);
        unlisted.removeAll(KNOWN);
        assertEquals(Set.of(), unlisted, "codes used but not in ErrorCode");
    }

    @Test
    void docsListEveryCodeWithItsStatus() throws IOException {
        String docs = Files.readString(Path.of("docs/errors.md"));
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(docs.contains("| `" + code.name() + "` | " + code.status() + " |"), code + " is not in docs/errors.md");
        }
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|").matcher(docs);
        while (row.find()) {
            assertTrue(KNOWN.contains(row.group(1)), row.group(1) + " is documented but not in ErrorCode");
        }
    }
}
