package dev.emporium.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alerts of deploy/base/monitoring/prometheusrule.yaml, checked by Debian's promtool (ci/prometheus.sh ensure
 * installs it; ci/test.sh runs that first): the rules are valid, every alert's unit cases in
 * src/test/resources/prometheus/alerts-test.yaml pass, every alert has a case where it fires, and every alert's
 * runbook is a section of docs/operations.md.
 */
class AlertRulesTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path RULE = PROJECT.resolve("deploy/base/monitoring/prometheusrule.yaml");
    private static final Path CASES = PROJECT.resolve("src/test/resources/prometheus/alerts-test.yaml");
    private static final Path WORK = PROJECT.resolve("target/prometheus-rules");

    private static List<JsonNode> alerts;

    @BeforeAll
    static void writeRules() throws IOException {
        run(List.of("bash", "ci/prometheus.sh", "rules", WORK.toString()));
        Files.copy(CASES, WORK.resolve("alerts-test.yaml"), StandardCopyOption.REPLACE_EXISTING);
        alerts = new ArrayList<>();
        Kustomize.single(RULE).path("spec").path("groups")
                .forEach(group -> group.path("rules").forEach(rule -> {
                    if (rule.has("alert")) {
                        alerts.add(rule);
                    }
                }));
    }

    @Test
    void promtoolFindsTheRulesValid() {
        String out = run(List.of(promtool(), "check", "rules", WORK.resolve("emporium.rules.yaml").toString()));
        assertTrue(out.contains("SUCCESS: " + alerts.size() + " rules found"), out);
    }

    @Test
    void everyAlertsUnitCasesPass() {
        String out = run(List.of(promtool(), "test", "rules", WORK.resolve("alerts-test.yaml").toString()));
        assertTrue(out.contains("SUCCESS"), out);
    }

    @Test
    void everyAlertHasACaseWhereItFires() {
        Set<String> firing = new TreeSet<>();
        Kustomize.single(CASES).path("tests").forEach(test -> test.path("alert_rule_test").forEach(check -> {
            if (!check.path("exp_alerts").isEmpty()) {
                firing.add(check.path("alertname").asText());
            }
        }));
        assertEquals(names(), firing);
    }

    @Test
    void everyAlertHasARunbookInTheOperationsGuide() throws IOException {
        String guide = Files.readString(PROJECT.resolve("docs/operations.md"));
        Set<String> missing = new TreeSet<>();
        for (JsonNode alert : alerts) {
            String name = alert.path("alert").asText();
            String runbook = alert.path("annotations").path("runbook").asText();
            boolean linked = runbook.equals("docs/operations.md#" + name.toLowerCase(Locale.ROOT));
            boolean written = guide.contains("\n#### " + name + "\n");
            if (!linked || !written || alert.path("labels").path("severity").asText().isEmpty()) {
                missing.add(name + (linked ? "" : " (runbook annotation)") + (written ? "" : " (section in the guide)"));
            }
        }
        assertEquals(Set.of(), missing);
    }

    private static Set<String> names() {
        Set<String> names = new TreeSet<>();
        alerts.forEach(alert -> names.add(alert.path("alert").asText()));
        return names;
    }

    /** promtool from the PATH, or Debian's; missing, the test fails and says how to get it. */
    private static String promtool() {
        return Files.isExecutable(Path.of("/usr/bin/promtool")) ? "/usr/bin/promtool" : "promtool";
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " took over 60 s");
            }
            assertEquals(0, process.exitValue(), command + ":\n" + out);
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + " (ci/prometheus.sh ensure installs promtool): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
