package dev.emporium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Broker;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Http;
import dev.emporium.testing.Orders;
import dev.emporium.testing.Poll;
import dev.emporium.testing.Prometheus;
import dev.emporium.testing.Services;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real Prometheus (Debian's, started by ci/prometheus.sh) scrapes the test server every second and evaluates the
 * alert rules of deploy/base/monitoring: the Emporium series arrive, the rules evaluate without error, the queue
 * figures come from the broker, every query of the Grafana dashboard runs, and alerts fire for real causes: a poison message dead-lettered, the broker stopped.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringIT {

    private static final Duration ARRIVE = Duration.ofSeconds(30);
    private static final Path DASHBOARD = Path.of(System.getProperty("emporium.basedir", "."))
            .resolve("deploy/base/monitoring/grafana/emporium-dashboard.json");
    /**
     * How long an alert's condition must hold before it fires, here: the rules' own durations (EmporiumNotReady's is
     * 1 minute) are checked by AlertRulesTest in promtool's simulated time, not waited out by this test.
     */
    private static final String PENDING_FOR = "5s";
    /** EmporiumNotReady fires PENDING_FOR after the server is seen not ready; evaluation and scrapes add seconds. */
    private static final Duration NOT_READY_FIRES = Duration.ofSeconds(60);

    private static Prometheus prometheus;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @BeforeAll
    static void startPrometheus() {
        prometheus = Prometheus.start(PENDING_FOR);
    }

    @AfterAll
    static void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    @Order(1)
    void theEmporiumSeriesArriveAndEveryRuleEvaluates() {
        Http.get("/api/v1/products?limit=1"); // the REST figures exist once a resource has been called
        Poll.untilTrue(ARRIVE, "the server scraped and ready", () -> prometheus.value("up{job=\"emporium\"}").orElse(0.0) == 1
                && prometheus.value("emporium_ready").orElse(0.0) == 1);
        for (String series : List.of("emporium_orders_placed_total", "emporium_payments_total",
                "emporium_dead_letters_total", "emporium_orders_pending_oldest_seconds", "REST_request_seconds_bucket",
                "http_server_request_duration_seconds_count")) {
            assertTrue(!prometheus.query(series).isEmpty(), series + " in Prometheus");
        }
        // The payment step's consumers, as the broker counts them, and a figure for every queue watched.
        Poll.untilTrue(ARRIVE, "consumers on emporium.orders.placed, the server saying " + queueLines(), () -> prometheus
                .value("emporium_queue_consumers{queue=\"emporium.orders.placed\"}").orElse(0.0) >= 1);
        Set<String> queues = new TreeSet<>();
        prometheus.query("emporium_queue_messages").forEach(s -> queues.add(s.getJsonObject("metric").getString("queue")));
        assertEquals(new TreeSet<>(Set.of("emporium.orders.placed", "emporium.notifications",
                "emporium.fulfillment.updates", "emporium.dead-letters.watch", "DLQ")), queues);

        // Evaluated at least once each, without an error (a typo in a metric name gives no error: the cases of
        // AlertRulesTest and the alerts below are what catch those).
        Poll.untilTrue(ARRIVE, "every rule evaluated", () -> prometheus.alertingRules().stream()
                .allMatch(rule -> !rule.getString("lastEvaluation", "0001-01-01T00:00:00Z").startsWith("0001")));
        List<JsonObject> rules = prometheus.alertingRules();
        assertEquals(7, rules.size(), rules.toString());
        rules.forEach(rule -> assertEquals("ok", rule.getString("health"), rule.toString()));
    }

    /**
     * There is no Grafana here: each panel's PromQL of the dashboard in deploy/ runs against this Prometheus, with
     * Grafana's rate interval at 1 minute, and any query error fails.
     */
    @Test
    @Order(2)
    void everyDashboardQueryRuns() throws IOException {
        JsonObject dashboard;
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(DASHBOARD))) {
            dashboard = reader.readObject();
        }
        List<String> queries = new ArrayList<>();
        dashboard.getJsonArray("panels").getValuesAs(JsonObject.class).forEach(panel -> panel.getJsonArray("targets")
                .getValuesAs(JsonObject.class).forEach(target -> queries.add(target.getString("expr"))));
        assertTrue(queries.size() >= 10, queries.toString());
        for (String query : queries) {
            prometheus.query(query.replace("$__rate_interval", "1m"));
        }
        // The panels read what the server publishes: orders by outcome, queue depths, the REST histogram.
        assertTrue(!prometheus.query("sum by (outcome) (emporium_orders_placed_total)").isEmpty());
        assertTrue(!prometheus.query("max by (queue) (emporium_queue_messages)").isEmpty());
    }

    @Test
    @Order(3)
    void aPoisonMessageOnTheDeadLetterQueueFiresTheAlert() {
        double before = prometheus.value("emporium_queue_messages{queue=\"DLQ\"}").orElse(0.0);
        String marker = "monitoring-poison-" + UUID.randomUUID();
        try (Broker broker = Broker.connect()) {
            broker.send("emporium.orders.placed", "not an event at all", marker, Map.of());
            Poll.untilTrue(ARRIVE, "the dead letter counted in DLQ's depth", () -> prometheus
                    .value("emporium_queue_messages{queue=\"DLQ\"}").orElse(0.0) > before);
            JsonObject alert = prometheus.awaitFiring("EmporiumDeadLetters", Map.of("type", "other"), ARRIVE);
            assertEquals("warning", alert.getJsonObject("labels").getString("severity"));
            assertEquals("docs/operations.md#emporiumdeadletters", alert.getJsonObject("annotations").getString("runbook"));
            // An operator's work: take it off DLQ.
            broker.awaitDeadLetter("JMSCorrelationID = '" + marker + "'", ARRIVE);
        }
    }

    /** The queue figures as the server gives them, for a failure's message. */
    private static List<String> queueLines() {
        return Http.get("/metrics?scope=application").body().lines().filter(line -> line.startsWith("emporium_queue")).toList();
    }

    @Test
    @Order(4)
    void aStoppedBrokerFiresNotReady() {
        Services.broker("stop");
        try {
            Poll.untilTrue(ARRIVE, "emporium_ready 0 in Prometheus", () -> prometheus.query("emporium_ready == 0").size() == 1
                    || prometheus.query("up{job=\"emporium\"} == 0").size() == 1);
            JsonObject alert = prometheus.awaitFiring("EmporiumNotReady", Map.of(), NOT_READY_FIRES);
            assertEquals("critical", alert.getJsonObject("labels").getString("severity"));
        } finally {
            Services.broker("start");
        }
        Poll.untilTrue(ARRIVE, "ready again", () -> Http.get("/health/ready").statusCode() == 200);
        // The broker stopped cleanly, so its clients were told and their pooled sessions closed: an order placed now
        // is relayed and paid on fresh ones.
        Account admin = Accounts.admin();
        Account customer = Accounts.newCustomer();
        String order = Orders.place(Api.newClient(), customer, Catalog.newProduct(admin, Catalog.newCategory(admin)));
        Orders.awaitStatus(Api.newClient(), customer.accessToken(), order, "processing", ARRIVE);
        Poll.untilTrue(ARRIVE, "EmporiumNotReady resolved", () -> prometheus.firing("EmporiumNotReady", Map.of()).isEmpty());
    }
}
