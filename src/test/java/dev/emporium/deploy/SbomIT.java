package dev.emporium.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CycloneDX SBOM the build writes beside the WAR (target/bom.json), read against the WAR itself: every library
 * the WAR carries is listed with its version, hashes and a licence, and what Liberty and the server's shared
 * libraries provide (the Jakarta EE and MicroProfile APIs, the JDBC driver, the Artemis adapter) is listed as not
 * shipped. An integration test only because the WAR and its SBOM exist from the package phase on.
 */
class SbomIT {

    /** The dependencies the pom declares provided, each marked optional so that the SBOM tells them apart. */
    private static final Set<String> PROVIDED = Set.of(
            "jakarta.platform:jakarta.jakartaee-api", "org.eclipse.microprofile:microprofile",
            "org.eclipse.microprofile.metrics:microprofile-metrics-api", "jakarta.ws.rs:jakarta.ws.rs-api",
            "jakarta.persistence:jakarta.persistence-api", "jakarta.jms:jakarta.jms-api",
            "org.postgresql:postgresql", "org.apache.activemq:artemis-jakarta-ra",
            "org.apache.activemq:artemis-jakarta-client", "org.slf4j:slf4j-jdk14");

    private static final Path TARGET = Path.of("target");
    private static JsonNode bom;
    private static Map<String, JsonNode> byFile;

    @BeforeAll
    static void read() throws IOException {
        bom = new ObjectMapper().readTree(TARGET.resolve("bom.json").toFile());
        byFile = new HashMap<>();
        for (JsonNode component : bom.path("components")) {
            byFile.put(component.path("name").asText() + "-" + component.path("version").asText() + ".jar", component);
        }
    }

    @Test
    void describesTheApplication() {
        assertEquals("CycloneDX", bom.path("bomFormat").asText());
        JsonNode application = bom.path("metadata").path("component");
        assertEquals("application", application.path("type").asText());
        assertEquals("emporium", application.path("name").asText());
    }

    @Test
    void everyLibraryInTheWarIsListedAsShippedWithVersionHashAndLicence() throws IOException {
        List<String> jars = warLibraries();
        assertTrue(jars.size() > 50, "the WAR's libraries: " + jars);
        List<String> problems = new ArrayList<>();
        for (String jar : jars) {
            JsonNode component = byFile.get(jar);
            if (component == null) {
                problems.add(jar + ": not in the SBOM");
                continue;
            }
            if (!component.path("scope").asText().equals("required")) {
                problems.add(jar + ": scope " + component.path("scope").asText());
            }
            if (!component.path("hashes").elements().hasNext()) {
                problems.add(jar + ": no hash");
            }
            if (licences(component).isEmpty()) {
                problems.add(jar + ": no licence");
            }
            if (!component.path("purl").asText().startsWith("pkg:maven/")) {
                problems.add(jar + ": no package URL");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void whatTheServerProvidesIsListedButNotAsShipped() throws IOException {
        List<String> jars = warLibraries();
        Set<String> found = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode component : bom.path("components")) {
            String coordinates = component.path("group").asText() + ":" + component.path("name").asText();
            if (PROVIDED.contains(coordinates)) {
                found.add(coordinates);
                if (!component.path("scope").asText().equals("optional")) {
                    problems.add(coordinates + ": scope " + component.path("scope").asText());
                }
            }
            if (component.path("scope").asText().equals("optional")
                    && jars.contains(component.path("name").asText() + "-" + component.path("version").asText() + ".jar")) {
                problems.add(coordinates + ": marked not shipped, yet in the WAR");
            }
        }
        assertEquals(new TreeSet<>(PROVIDED), found, "the provided APIs and shared libraries in the SBOM");
        assertEquals(List.of(), problems);
    }

    private static Set<String> licences(JsonNode component) {
        Set<String> licences = new TreeSet<>();
        for (JsonNode choice : component.path("licenses")) {
            JsonNode licence = choice.path("license");
            String name = licence.has("id") ? licence.path("id").asText() : licence.path("name").asText(choice.path("expression").asText());
            if (!name.isBlank()) {
                licences.add(name);
            }
        }
        return licences;
    }

    private static List<String> warLibraries() throws IOException {
        Path war = TARGET.resolve("emporium.war");
        assertTrue(Files.isRegularFile(war), "the WAR is built");
        List<String> jars = new ArrayList<>();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            zip.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith("WEB-INF/lib/") && name.endsWith(".jar"))
                    .forEach(name -> jars.add(name.substring("WEB-INF/lib/".length())));
        }
        assertFalse(jars.isEmpty());
        return jars;
    }
}
