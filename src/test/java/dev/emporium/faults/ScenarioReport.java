package dev.emporium.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What one fault scenario did and found: the figures the closing note of a fault run quotes. */
record ScenarioReport(String name, int orders, int requests, Map<String, Integer> statuses, Duration outage,
                      Duration recovery, Duration drain, Duration slowestAnswer, List<Invariants.Verdict> verdicts) {

    String text() {
        return "Scenario: " + name + "\n  " + orders + " orders, " + requests + " requests, statuses " + statuses
                + "\n  fault lasted " + millis(outage) + ", settled " + millis(recovery) + " after it (" + millis(drain)
                + " after the last order); slowest answer "
                + millis(slowestAnswer) + "\n" + verdicts.stream().map(v -> "  [" + (v.holds() ? "holds" : "BROKEN") + "] "
                + v.name() + ": " + v.found()).collect(Collectors.joining("\n"));
    }

    static String markdown(List<ScenarioReport> reports, int orders, int customers, Duration firstStart) {
        StringBuilder out = new StringBuilder("# Fault matrix\n\n").append(customers).append(" customers, ").append(orders)
                .append(" orders per scenario; messages sent through ").append(FaultServer.DELIVERY.equals("xa") ? "XA" : "the outbox")
                .append("; first start of the server to ready: ").append(millis(firstStart)).append("\n\n")
                .append("| scenario | requests | statuses | fault (to healed) | settled after the fault | settled after the last"
                        + " order | slowest answer | invariants |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (ScenarioReport report : reports) {
            long holding = report.verdicts().stream().filter(Invariants.Verdict::holds).count();
            out.append("| ").append(report.name()).append(" | ").append(report.requests()).append(" | ")
                    .append(report.statuses().entrySet().stream().map(e -> e.getKey() + " × " + e.getValue())
                            .collect(Collectors.joining(", ")))
                    .append(" | ").append(millis(report.outage())).append(" | ").append(millis(report.recovery()))
                    .append(" | ").append(millis(report.drain())).append(" | ").append(millis(report.slowestAnswer())).append(" | ").append(holding).append(" of ")
                    .append(report.verdicts().size()).append(" hold |\n");
        }
        for (ScenarioReport report : reports) {
            out.append("\n## ").append(report.name()).append("\n\n");
            report.verdicts().forEach(v -> out.append("- ").append(v.holds() ? "holds" : "**BROKEN**").append(": ")
                    .append(v.name()).append(" — ").append(v.found()).append('\n'));
        }
        return out.toString();
    }

    private static String millis(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
