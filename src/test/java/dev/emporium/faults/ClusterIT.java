package dev.emporium.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Api;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Scale-out on one machine: two replicas (Liberty servers emporium-a and emporium-b) on one PostgreSQL, one Artemis
 * broker, one Redis and one S3 API server, behind HAProxy doing what the OpenShift router does (ci/cluster.sh).
 * Orders go through the proxy to both replicas and each is paid, mailed and published once; rate limits and images
 * are shared; a replica ended by SIGTERM drains without a client noticing; a replica killed with -9 loses nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {

    /** Enough orders that the load outlasts a replica's whole termination (3 s of draining, then the quiesce). */
    private static final int ORDERS = 240;
    private static final Pattern ORDER_IN_MAIL = Pattern.compile("Order ([0-9a-f-]{36})");
    /** The longest a replica may take from SIGTERM to exit: the pods' terminationGracePeriodSeconds (deploy/). */
    private static final Duration GRACE_PERIOD = Duration.ofSeconds(60);
    /** How soon after the signal is sent readiness must be seen DOWN: the kill script and a loaded JVM take part of it. */
    private static final Duration DOWN_AT_ONCE = Duration.ofMillis(1500);
    /** The longest a replica may serve a catalog read it cached before another replica's change: its cache's age. */
    private static final Duration CATALOG_CACHE_AGE = Duration.ofSeconds(1);

    private final List<ScenarioReport> reports = new ArrayList<>();
    private Scenario scenario;
    private OrderEventsTap events;

    @BeforeAll
    void startTheCluster() {
        Cluster.start();
        events = new OrderEventsTap();
        scenario = new Scenario(Cluster.PROXY, LoadShop.open(Cluster.PROXY, "cluster"), ORDERS, ORDERS / 8);
    }

    @AfterAll
    void stopTheCluster() {
        try {
            reports.forEach(report -> System.out.println(report.text()));
            if (events != null) {
                events.close();
            }
        } finally {
            Cluster.stop();
        }
    }

    @Test
    @Order(1)
    void ordersGoToBothReplicasAndEachIsPaidMailedAndPublishedOnce() throws Exception {
        Scenario.Outcome outcome = scenario.run("two replicas, no fault", 0, Set.of("201"), () -> { });
        Map<String, Integer> byReplica = outcome.load().acknowledgedByReplica();
        List<Invariants.Verdict> verdicts = new ArrayList<>(outcome.report().verdicts());
        verdicts.add(new Invariants.Verdict("both replicas took a fair share of the orders",
                byReplica.getOrDefault("a", 0) >= ORDERS * 3 / 10 && byReplica.getOrDefault("b", 0) >= ORDERS * 3 / 10,
                "acknowledged by replica: " + byReplica));
        verdicts.addAll(deliveredOnce(outcome.before(), true));
        judge(outcome, verdicts);
    }

    @Test
    @Order(2)
    void aClientsAllowanceIsSpentAcrossBothReplicas() {
        Api client = Api.newClient(Cluster.PROXY);
        String email = "allowance@cluster.example";
        assertEquals(201, client.post("/auth/register", "{\"username\": \"allowance\", \"email\": \"%s\", \"password\": \"%s\"}"
                .formatted(email, FaultServer.ADMIN_PASSWORD), null).status());
        String token = LoadShop.login(client, email, FaultServer.ADMIN_PASSWORD);
        Set<String> servedBy = new HashSet<>();
        for (int i = 1; i <= Cluster.PROFILE_PER_MINUTE; i++) {
            Api.Reply served = client.get("/users/me", token);
            assertEquals(200, served.status(), served.toString());
            assertEquals(Integer.toString(Cluster.PROFILE_PER_MINUTE - i), served.header("RateLimit-Remaining").orElseThrow(),
                    "one allowance, whichever replica answers");
            servedBy.add(served.header("X-Emporium-Replica").orElseThrow());
        }
        assertEquals(Set.of("a", "b"), servedBy, "the proxy sent the requests to both replicas");
        for (String replica : List.of("a", "b")) {
            Api.Reply refused = Api.newClient(Cluster.replica(replica)).get("/users/me", token);
            assertEquals(429, refused.status(), "replica " + replica + " knows the allowance is spent: " + refused);
            assertEquals("RATE_LIMITED", refused.errorCode());
        }
    }

    @Test
    @Order(3)
    void anImageUploadedThroughOneReplicaIsServedByTheOther() {
        Api throughA = Api.newClient(Cluster.replica("a"));
        Api throughB = Api.newClient(Cluster.replica("b"));
        String adminToken = LoadShop.login(throughA, FaultServer.ADMIN_EMAIL, FaultServer.ADMIN_PASSWORD);
        String product = scenario.shop().products().get(0);
        Api.Reply uploaded = throughA.upload("PUT", "/products/" + product + "/image", Catalog.PNG, "image/png", adminToken);
        assertEquals(200, uploaded.status(), uploaded.toString());
        String url = uploaded.string("image_url");
        sleep(CATALOG_CACHE_AGE);
        assertEquals(url, throughB.get("/products/" + product, null).string("image_url"));
        HttpResponse<byte[]> image = throughB.bytes(url);
        assertEquals(200, image.statusCode());
        assertArrayEquals(Catalog.PNG, image.body());
    }

    @Test
    @Order(4)
    void aProductChangedThroughOneReplicaIsSeenThroughTheOtherWithinTheCacheAge() {
        Api throughA = Api.newClient(Cluster.replica("a"));
        Api throughB = Api.newClient(Cluster.replica("b"));
        String adminToken = LoadShop.login(throughA, FaultServer.ADMIN_EMAIL, FaultServer.ADMIN_PASSWORD);
        String product = scenario.shop().products().get(1);
        // Read through b first, so that b holds the product in its cache when a changes it.
        BigDecimal newPrice = price(throughB.get("/products/" + product, null)).add(BigDecimal.ONE);

        Api.Reply patched = throughA.call("PATCH", "/products/" + product, "{\"price\": " + newPrice + "}", adminToken);
        assertEquals(200, patched.status(), patched.toString());
        long answered = System.nanoTime();
        Long seenAfterMillis = null;
        while (seenAfterMillis == null && System.nanoTime() - answered < CATALOG_CACHE_AGE.toNanos()) {
            if (price(throughB.get("/products/" + product, null)).compareTo(newPrice) == 0) {
                seenAfterMillis = (System.nanoTime() - answered) / 1_000_000;
            } else {
                sleep(Duration.ofMillis(20));
            }
        }
        sleep(CATALOG_CACHE_AGE.minusNanos(System.nanoTime() - answered));
        Api.Reply late = throughB.get("/products/" + product, null);
        assertEquals(0, newPrice.compareTo(price(late)), "replica b still serves the old price "
                + CATALOG_CACHE_AGE.toMillis() + " ms after replica a answered the change: " + late);
        System.out.println("[ClusterIT] a price changed through replica a was first seen through replica b after "
                + (seenAfterMillis == null ? "more than " + CATALOG_CACHE_AGE.toMillis() : seenAfterMillis) + " ms");
    }

    private static BigDecimal price(Api.Reply product) {
        assertEquals(200, product.status(), product.toString());
        return product.json().getJsonNumber("price").bigDecimalValue();
    }

    private static void sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis() + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(5)
    void aReplicaEndedBySigtermDrainsWithoutAClientNoticing() throws Exception {
        ReadinessWatch watch = new ReadinessWatch(Cluster.replica("a"));
        Duration[] toExit = new Duration[1];
        long[] signalled = new long[1];
        Scenario.Outcome outcome = scenario.run("SIGTERM to replica a, then restart", 0, Set.of("201"), () -> {
            watch.start();
            watch.awaitAnswer("200", Duration.ofSeconds(30));
            signalled[0] = System.nanoTime();
            Cluster.terminate("a");
            toExit[0] = Duration.ofNanos(System.nanoTime() - signalled[0]);
            watch.stop();
            Cluster.restart("a");
        });
        List<Invariants.Verdict> verdicts = new ArrayList<>(outcome.report().verdicts());
        verdicts.add(drainedFirst(signalled[0], watch.runs()));
        verdicts.add(new Invariants.Verdict("exited within the grace period", toExit[0].compareTo(GRACE_PERIOD) < 0,
                "SIGTERM to exit: " + toExit[0].toMillis() + " ms (grace period " + GRACE_PERIOD.toSeconds() + " s)"));
        verdicts.add(new Invariants.Verdict("the orders in flight on replica a were all answered",
                outcome.load().acknowledgedByReplica().getOrDefault("a", 0) > 0,
                "acknowledged by replica: " + outcome.load().acknowledgedByReplica()));
        verdicts.addAll(deliveredOnce(outcome.before(), false));
        judge(outcome, verdicts);
    }

    @Test
    @Order(6)
    void aReplicaKilledWhileOrdersArePlacedLosesNothing() throws Exception {
        // The orders in flight on b when it dies are cut off (502 from the proxy, or the connection closed); their
        // clients retry with the same key. Left alone with all the load and b's redelivered messages, a may fail a
        // readiness probe or two on these two cores (its checks give up after 1.5 s), and the proxy answers 503
        // until it is back: retried too.
        Scenario.Outcome outcome = scenario.run("kill -9 of replica b, left dead", 0,
                Set.of("201", "502", "no answer", "503 (proxy)"),
                () -> Cluster.kill("b"));
        List<Invariants.Verdict> verdicts = new ArrayList<>(outcome.report().verdicts());
        verdicts.addAll(deliveredOnce(outcome.before(), false));
        judge(outcome, verdicts);
    }

    /**
     * What a load balancer's probe sees: readiness answered 200 before SIGTERM; every probe asked from
     * {@link #DOWN_AT_ONCE} after the signal on (the script and a loaded JVM take part of that) fails: 503, or no
     * answer in time, as a probe counts it; at least one of them is the server's own 503; and the port closes no
     * sooner than the drain delay after the signal. While Liberty takes the application down, its health endpoint may,
     * for a moment, answer 200 (no application checks left to run): allowed while the 200s were asked for within half
     * a second in all, which no load balancer that wants two good probes a second apart acts on (one slow 200 counts
     * for the moment it was asked, not for the time it took).
     */
    private static Invariants.Verdict drainedFirst(long signalled, List<ReadinessWatch.Run> runs) {
        boolean upBefore = runs.stream().anyMatch(run -> run.answer().equals("200") && run.beganAfter(signalled).isNegative());
        List<ReadinessWatch.Run> lateUp = runs.stream().filter(run -> run.answer().equals("200")
                && run.lastAskedAfter(signalled).compareTo(DOWN_AT_ONCE) >= 0).toList();
        long lateUpMillis = lateUp.stream().mapToLong(run -> run.lastAsked() - Math.max(run.began(),
                signalled + DOWN_AT_ONCE.toNanos())).map(nanos -> Math.max(0, nanos) / 1_000_000).sum();
        boolean downAfter = lateUpMillis <= 500 && runs.stream().anyMatch(run -> run.answer().equals("503")
                && !run.lastAskedAfter(signalled).isNegative());
        ReadinessWatch.Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        boolean closedAfterDelay = last != null && last.answer().equals("refused")
                && last.beganAfter(signalled).compareTo(Cluster.SHUTDOWN_DELAY.minusMillis(200)) >= 0;
        return new Invariants.Verdict("readiness DOWN at once on SIGTERM, the port closed after the drain delay",
                upBefore && downAfter && closedAfterDelay, "replica a's /health/ready, from the signal: "
                + runs.stream().map(run -> run.describe(signalled)).toList());
    }

    private void judge(Scenario.Outcome outcome, List<Invariants.Verdict> verdicts) {
        ScenarioReport original = outcome.report();
        ScenarioReport report = new ScenarioReport(original.name(), original.orders(), original.requests(), original.statuses(),
                original.outage(), original.recovery(), original.drain(), original.slowestAnswer(), verdicts);
        reports.add(report);
        try {
            Scenario.assertHolds(report);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; readiness DOWN in the replicas' logs: " + Cluster.readinessDowns()
                    + "; HAProxy: " + Cluster.proxyEvents(), e);
        }
    }

    /**
     * Each order of the scenario that was paid or declined: mailed once, and its two events ("pending", then the
     * outcome) published once each. With {@code exactly}, no message was sent twice at all; otherwise a repeat of the
     * same event id or mail (at-least-once delivery after a crash) is counted, and a second, different event for the
     * same change is not allowed.
     */
    private List<Invariants.Verdict> deliveredOnce(Invariants.Before before, boolean exactly) throws Exception {
        Map<String, String> outcomes = new HashMap<>();
        try (Connection db = Invariants.connect(); PreparedStatement statement = db.prepareStatement(
                "SELECT id::text, status FROM orders WHERE created_at >= ? AND status IN ('processing', 'payment_failed')")) {
            statement.setTimestamp(1, Timestamp.from(before.at()));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    outcomes.put(result.getString(1), result.getString(2));
                }
            }
        }
        Map<String, Integer> mails = new HashMap<>();
        for (MimeMessage message : Mailbox.all()) {
            Matcher order = ORDER_IN_MAIL.matcher(Mailbox.text(message));
            if (order.find() && outcomes.containsKey(order.group(1))) {
                mails.merge(order.group(1), 1, Integer::sum);
            }
        }
        long unmailed = outcomes.keySet().stream().filter(id -> !mails.containsKey(id)).count();
        long mailedTwice = mails.values().stream().filter(count -> count > 1).count();

        awaitEvents(outcomes);
        Map<String, Set<String>> idsByChange = new TreeMap<>();
        int received = 0;
        for (OrderEventsTap.Event event : events.events()) {
            if (outcomes.containsKey(event.orderId())) {
                idsByChange.computeIfAbsent(event.orderId() + " " + event.status(), change -> new HashSet<>()).add(event.id());
                received++;
            }
        }
        long missing = outcomes.entrySet().stream().filter(o -> !idsByChange.containsKey(o.getKey() + " pending")
                || !idsByChange.containsKey(o.getKey() + " " + o.getValue())).count();
        long published = idsByChange.size();
        long changedTwice = idsByChange.values().stream().filter(ids -> ids.size() > 1).count();
        long repeats = received - idsByChange.values().stream().mapToInt(Set::size).sum();

        return List.of(
                new Invariants.Verdict("every paid or declined order mailed " + (exactly ? "exactly once" : "(repeats counted)"),
                        unmailed == 0 && (!exactly || mailedTwice == 0),
                        outcomes.size() + " orders paid or declined, " + mails.size() + " mailed, " + mailedTwice
                                + " mailed more than once"),
                new Invariants.Verdict("every status change published once " + (exactly ? "(no repeats)" : "(repeats counted)"),
                        missing == 0 && changedTwice == 0 && (!exactly || repeats == 0) && events.unreadable().isEmpty(),
                        published + " changes published (pending and outcome of " + outcomes.size() + " orders), "
                                + missing + " orders missing one, " + changedTwice + " published as two different events, "
                                + repeats + " repeats of the same event; unreadable: " + events.unreadable()));
    }

    /** Events arrive shortly after the orders settle: waits up to 10 s for every order's outcome event. */
    private void awaitEvents(Map<String, String> outcomes) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> published = new HashSet<>();
            events.events().forEach(event -> published.add(event.orderId() + " " + event.status()));
            if (outcomes.entrySet().stream().allMatch(o -> published.contains(o.getKey() + " " + o.getValue()))) {
                return;
            }
            FaultServer.sleep(100);
        }
    }
}
