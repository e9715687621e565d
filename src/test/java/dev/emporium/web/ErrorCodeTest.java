package dev.emporium.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.platform.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
    /** A code literal handed to the web plumbing that writes an error body directly: ErrorResponses, ApiError. */
    private static final Pattern USE = Pattern.compile("(?:ErrorResponses\\.of|new ApiError)\\(\\s*(?:\\d+\\s*,\\s*)?\"([A-Z][A-Z_]+)\"");
    private static final Pattern LITERAL = Pattern.compile("\"([A-Z][A-Z_]+)\"");

    @Test
    void everyCodeTheWebPlumbingWritesIsListed() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path file : sources()) {
            Matcher use = USE.matcher(Files.readString(file));
            while (use.find()) {
                used.add(use.group(1));
            }
        }
        assertTrue(used.size() >= 5, "the scan finds the codes: " + used);
        Set<String> unlisted = new TreeSet<>(used);
        unlisted.removeAll(KNOWN);
        assertEquals(Set.of(), unlisted, "codes used but not in ErrorCode");
    }

    /**
     * Below the resources a failure is a domain exception carrying an ErrorCode constant: no code is spelt as a
     * string there (the resources' OpenAPI descriptions name them, and the web plumbing writes them).
     */
    @Test
    void servicesNameCodesByTheEnumNeverByAString() throws IOException {
        Set<String> spelt = new TreeSet<>();
        for (Path file : sources()) {
            String name = file.getFileName().toString();
            if (file.toString().contains("/dev/emporium/web/") || name.endsWith("Resource.java")) {
                continue;
            }
            Matcher literal = LITERAL.matcher(Files.readString(file));
            while (literal.find()) {
                if (KNOWN.contains(literal.group(1))) {
                    spelt.add(name + ": " + literal.group(1));
                }
            }
        }
        assertEquals(Set.of(), spelt);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
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
