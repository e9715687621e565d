package dev.emporium.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One fault under order load, judged: customers place orders through {@code root}; once some are acknowledged the
 * fault is injected; when every client is done and everything has settled (no order pending, outbox and queues
 * empty), the invariants are checked, with what clients were allowed to see.
 */
final class Scenario {

    /** Each client pauses this long between orders: about 60 orders a second in all, so that faults hit mid-load. */
    static final Duration PAUSE = Duration.ofMillis(200);
    /** What clients may see when the fault makes the server answer 503 or not at all. */
    static final Set<String> OUTAGE_ANSWERS = Set.of("201", "503", "refused", "no answer");
    private static final Duration SETTLE = Duration.ofMinutes(3);

    @FunctionalInterface
    interface Fault {
        void inject() throws Exception;
    }

    /** A scenario that ran: its load and before-state, for further verdicts, and its report. */
    record Outcome(OrderLoad load, Invariants.Before before, ScenarioReport report) {
    }

    private final URI root;
    private final LoadShop shop;
    private final int orders;
    private final int faultAfter;

    /** {@code faultAfter}: how many orders are acknowledged before the fault is injected. */
    Scenario(URI root, LoadShop shop, int orders, int faultAfter) {
        this.root = root;
        this.shop = shop;
        this.orders = orders;
        this.faultAfter = faultAfter;
    }

    LoadShop shop() {
        return shop;
    }

    /**
     * Runs it; {@code answers}: what clients may see during the fault ("refused": no connection could be made; "no
     * answer": one was cut off).
     */
    Outcome run(String name, long expectedDeadLetters, Set<String> answers, Fault fault) throws Exception {
        Invariants.Before before = Invariants.before(shop.products());
        OrderLoad load = new OrderLoad(root, shop.customers(), shop.products(), orders, PAUSE);
        load.start();
        load.awaitAcknowledged(faultAfter, Duration.ofMinutes(2));
        Instant faulted = Instant.now();
        fault.inject();
        Instant healed = Instant.now();
        load.awaitDone(Duration.ofMinutes(5));
        Instant lastOrder = Instant.now();
        Duration recovery = awaitSettled(before, healed);
        Duration drain = Duration.between(lastOrder, healed.plus(recovery));
        List<Invariants.Verdict> verdicts = new ArrayList<>(Invariants.check(before, load, expectedDeadLetters));
        verdicts.add(0, new Invariants.Verdict("clients saw only " + String.join(", ", new TreeSet<>(answers)),
                answers.containsAll(load.statuses().keySet()),
                "statuses " + load.statuses() + "; slowest answer " + load.slowestAnswer().toMillis() + " ms"
                        + (load.firstAnswers().isEmpty() ? "" : "; first of each: " + load.firstAnswers())));
        ScenarioReport report = new ScenarioReport(name, load.total(), load.requests(), load.statuses(),
                Duration.between(faulted, healed), recovery, drain, load.slowestAnswer(), verdicts);
        return new Outcome(load, before, report);
    }

    /** Prints the report and fails the test if any verdict is broken. */
    static void assertHolds(ScenarioReport report) {
        System.out.println(report.text());
        String broken = report.verdicts().stream().filter(v -> !v.holds()).map(v -> v.name() + ": " + v.found())
                .collect(Collectors.joining("; "));
        assertTrue(broken.isEmpty(), report.name() + ": " + broken);
    }

    /**
     * From the fault's end until every order of the scenario has left pending and the outbox and the queues are
     * empty (the clients are still placing orders for part of that time).
     */
    private static Duration awaitSettled(Invariants.Before before, Instant healed) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        String unsettled;
        while ((unsettled = Invariants.unsettled(before)) != null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not settled " + SETTLE + " after the fault: " + unsettled);
            }
            FaultServer.sleep(100);
        }
        return Duration.between(healed, Instant.now());
    }
}
