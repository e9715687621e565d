package dev.emporium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Orders;
import dev.emporium.testing.Scrape;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The business metrics on /metrics, as Prometheus scrapes them, moving by exactly what a small load did: orders by
 * outcome, Idempotency-Key replays, status transitions, payments by outcome and the gateway's latency, each message
 * bean's deliveries and their time, rate-limit refusals by route group; and latency histograms with the buckets an
 * objective is computed from.
 */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    private static final Duration PROCESSING = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();

    @Test
    void businessMetricsMoveByWhatTheOrdersDid() throws InterruptedException {
        Account admin = Accounts.admin();
        Account ada = Accounts.newCustomer();
        String product = Catalog.newProduct(admin, Catalog.newCategory(admin), 10);
        Map<String, Double> expected = expectedMoves();
        Scrape before = quiet(expected.keySet());

        String key = "metrics-" + UUID.randomUUID();
        String paid = place(ada, product, 3, "tok_visa", key, 201);
        place(ada, product, 3, "tok_visa", key, 201); // the same key again: a replay, not a second order
        String cancelled = place(ada, product, 3, "tok_visa", null, 201);
        String declined = place(ada, product, 3, "tok_declined", null, 201);
        place(ada, product, 5, "tok_visa", null, 409); // 1 left after the first three: out of stock
        Orders.awaitStatus(api, ada.accessToken(), paid, "processing", PROCESSING);
        Orders.awaitStatus(api, ada.accessToken(), cancelled, "processing", PROCESSING);
        Orders.awaitStatus(api, ada.accessToken(), declined, "payment_failed", PROCESSING);
        Reply cancel = api.call("POST", "/orders/" + cancelled + "/cancel", "", ada.accessToken());
        assertEquals(200, cancel.status(), cancel.toString());

        Map<String, Double> moved = deltas(before, Scrape.now(), expected.keySet());
        long deadline = System.nanoTime() + PROCESSING.toNanos();
        while (!moved.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            moved = deltas(before, Scrape.now(), expected.keySet());
        }
        assertEquals(expected, moved);
    }

    @Test
    void latencyIsAHistogramWithBucketsForAnObjective() {
        api.get("/products?limit=1", null);
        Scrape scrape = Scrape.now();
        List<Scrape.Sample> rest = scrape.samples("REST_request_seconds_bucket", Map.of());
        assertFalse(rest.isEmpty(), "REST_request_seconds_bucket in " + scrape.names());
        assertTrue(rest.stream().anyMatch(s -> "0.25".equals(s.labels().get("le"))), "a 250 ms bucket: " + rest.get(0));
        assertTrue(rest.stream().anyMatch(s -> "+Inf".equals(s.labels().get("le"))));
        List<Scrape.Sample> consumer = scrape.samples("emporium_messages_processing_seconds_bucket", Map.of());
        assertTrue(consumer.stream().anyMatch(s -> "0.1".equals(s.labels().get("le"))), "message time buckets: " + consumer);
    }

    @Test
    void rateLimitRefusalsAreCountedByRouteGroup() {
        // The "profile" group the integration tests configure: 40 requests a minute to GET /users/me per user.
        Account bea = Accounts.newCustomer();
        double before = Scrape.now().sum("emporium_rate_limit_refusals_total", Map.of("group", "profile"));
        int refused = 0;
        for (int i = 0; i < 42; i++) {
            if (api.get("/users/me", bea.accessToken()).status() == 429) {
                refused++;
            }
        }
        assertTrue(refused >= 2, "refused " + refused);
        assertEquals(refused, Scrape.now().sum("emporium_rate_limit_refusals_total", Map.of("group", "profile")) - before);
    }

    private String place(Account customer, String product, int quantity, String token, String key, int status) {
        String body = Orders.body(product, quantity, token);
        Reply placed = key == null ? api.call("POST", "/orders", body, customer.accessToken())
                : api.call("POST", "/orders", body, customer.accessToken(), "Idempotency-Key", key);
        assertEquals(status, placed.status(), placed.toString());
        return status == 201 ? placed.string("order_id") : null;
    }

    /** What the load of the first test moves, and by how much. */
    private static Map<String, Double> expectedMoves() {
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("emporium_orders_placed_total{outcome=accepted}", 3.0);
        expected.put("emporium_orders_placed_total{outcome=out_of_stock}", 1.0);
        expected.put("emporium_orders_idempotent_replays_total{}", 1.0);
        expected.put("emporium_orders_transitions_total{from=none,to=pending}", 3.0);
        expected.put("emporium_orders_transitions_total{from=pending,to=processing}", 2.0);
        expected.put("emporium_orders_transitions_total{from=pending,to=payment_failed}", 1.0);
        expected.put("emporium_orders_transitions_total{from=processing,to=cancelled}", 1.0);
        expected.put("emporium_payments_total{outcome=authorised}", 2.0);
        expected.put("emporium_payments_total{outcome=declined}", 1.0);
        expected.put("emporium_payments_total{outcome=refunded}", 1.0);
        expected.put("emporium_payments_gateway_seconds_count{operation=authorize}", 3.0);
        expected.put("emporium_payments_gateway_seconds_count{operation=refund}", 1.0);
        expected.put("emporium_messages_handled_total{consumer=order-processing}", 3.0);
        expected.put("emporium_messages_processing_seconds_count{consumer=order-processing}", 3.0);
        // Mails: two confirmations, one payment failure, one cancellation.
        expected.put("emporium_messages_handled_total{consumer=notifications}", 4.0);
        return expected;
    }

    /**
     * A scrape taken once the given series have stood still for a second: the orders of the tests run before this one
     * in the same server may still be on their way through the beans, and would be counted as this test's.
     */
    private static Scrape quiet(Iterable<String> keys) throws InterruptedException {
        Scrape last = Scrape.now();
        long deadline = System.nanoTime() + PROCESSING.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            Scrape next = Scrape.now();
            if (deltas(last, next, keys).values().stream().allMatch(moved -> moved == 0)) {
                return next;
            }
            last = next;
        }
        throw new AssertionError("the metrics did not stand still within " + PROCESSING);
    }

    /** For each "name{k=v,...}" key: how much the matching samples' sum grew from one scrape to the other. */
    private static Map<String, Double> deltas(Scrape before, Scrape after, Iterable<String> keys) {
        Map<String, Double> deltas = new LinkedHashMap<>();
        for (String key : keys) {
            String name = key.substring(0, key.indexOf('{'));
            String inside = key.substring(key.indexOf('{') + 1, key.length() - 1);
            Map<String, String> labels = new LinkedHashMap<>();
            for (String pair : inside.isEmpty() ? new String[0] : inside.split(",")) {
                labels.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            deltas.put(key, after.sum(name, labels) - before.sum(name, labels));
        }
        return deltas;
    }
}
