package dev.emporium;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Which top-level packages may use which (docs/architecture.md, "Package layout"): the platform knows no domain,
 * payment and notification know nothing of orders, the catalog nothing of orders, and only resources and the web
 * plumbing speak JAX-RS. What breaks a rule today is listed as debt, by file and import: a new breach fails, and so
 * does a paid debt still listed, so the list stays true.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/emporium");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?dev\\.emporium\\.(\\w+)\\.([\\w.]+);");

    /** For each package, the other top-level packages it may import from (platform is open to all). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("platform", Set.of()),
            Map.entry("web", Set.of("platform")),
            Map.entry("site", Set.of("platform")),
            Map.entry("media", Set.of("platform", "web")),
            Map.entry("payment", Set.of("platform")),
            Map.entry("user", Set.of("platform", "web")),
            Map.entry("notification", Set.of("platform", "user")),
            Map.entry("auth", Set.of("platform", "web", "user")),
            Map.entry("catalog", Set.of("platform", "web", "media", "user")),
            Map.entry("order", Set.of("platform", "web", "auth", "user", "catalog", "payment", "notification")));

    /** Breaches still to be removed, each as "file -> package.Class"; none today. */
    private static final Set<String> DEBT = Set.of();

    @Test
    void packagesUseOnlyWhatTheyMay() throws IOException {
        Set<String> breaches = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = SOURCES.relativize(file).toString().replace('\\', '/');
                String from = relative.substring(0, relative.indexOf('/'));
                Matcher use = IMPORT.matcher(Files.readString(file));
                while (use.find()) {
                    String to = use.group(1);
                    if (!to.equals(from) && !ALLOWED.get(from).contains(to)) {
                        breaches.add(relative + " -> " + to + "." + use.group(2));
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(DEBT), breaches, "breaches of the package rules other than the listed debt, or debt paid");
    }

    @Test
    void onlyResourcesAndTheWebPlumbingSpeakJaxRs() throws IOException {
        Set<String> speakers = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = SOURCES.relativize(file).toString().replace('\\', '/');
                if (relative.startsWith("web/") || relative.endsWith("Resource.java")) {
                    continue;
                }
                if (Files.readString(file).contains("import jakarta.ws.rs.")) {
                    speakers.add(relative);
                }
            }
        }
        // The browser session is made of JAX-RS cookies, and the order streams are server-sent events: edge code that
        // lives beside its domain for now.
        assertEquals(Set.of("auth/BrowserSession.java", "order/OrderStreams.java"), speakers);
    }
}
