package dev.emporium.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Broker;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Mailbox;
import dev.emporium.testing.Orders;
import dev.emporium.testing.Poll;
import jakarta.jms.Message;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A warehouse reports through emporium.fulfillment.updates: shipped (with a tracking number), then delivered.
 * Reports are idempotent; one that can never be applied goes to the dead-letter queue with the reason, and the
 * consumer goes on with the next.
 */
@ExtendWith(ArquillianExtension.class)
class FulfillmentIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String QUEUE = "emporium.fulfillment.updates";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();
    private Account admin;
    private Account ada;
    private Broker broker;

    @BeforeEach
    void setUp() {
        admin = Accounts.admin();
        ada = Accounts.newCustomer();
        broker = Broker.connect();
    }

    @AfterEach
    void tearDown() {
        broker.close();
    }

    /** An order of Ada's that payment has moved to processing. */
    private String paidOrder() {
        String product = Catalog.newProduct(admin, Catalog.newCategory(admin), 5);
        String id = Orders.place(api, ada, product);
        awaitStatus(id, "processing");
        return id;
    }

    private void awaitStatus(String id, String status) {
        Orders.awaitStatus(api, admin.accessToken(), id, status, WAIT);
    }

    private JsonObject order(String id) {
        return api.get("/orders/" + id, admin.accessToken()).json();
    }

    static String update(String eventId, String data) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "urn:warehouse:it", "type": "dev.emporium.fulfillment.updated.v1",
                 "time": "2026-11-26T10:00:00Z", "datacontenttype": "application/json", "data": %s}""".formatted(eventId, data);
    }

    private void send(String body, String correlationId) {
        broker.send(QUEUE, body, correlationId, Map.of());
    }

    @Test
    void shippedThenDeliveredMoveTheOrderAndTheCustomerHearsOfIt() {
        String id = paidOrder();
        send(update(UUID.randomUUID().toString(), """
                {"order_id": "%s", "status": "shipped", "tracking_number": "WH-123"}""".formatted(id)), "wh-" + id);
        awaitStatus(id, "shipped");
        assertEquals("WH-123", order(id).getString("tracking_number"));
        assertTrue(Mailbox.text(Mailbox.await(ada.email(), "on its way", WAIT)).contains("WH-123"));

        send(update(UUID.randomUUID().toString(), """
                {"order_id": "%s", "status": "delivered"}""".formatted(id)), "wh-" + id);
        awaitStatus(id, "delivered");
        List<String> history = order(id).getJsonArray("status_history").stream()
                .map(c -> c.asJsonObject().getString("status")).toList();
        assertEquals(List.of("pending", "processing", "shipped", "delivered"), history);
    }

    @Test
    void theSameReportTwiceIsAppliedOnce() {
        String id = paidOrder();
        var events = broker.subscribe("emporium.orders.events");
        String report = update(UUID.randomUUID().toString(), """
                {"order_id": "%s", "status": "shipped", "tracking_number": "WH-9"}""".formatted(id));
        send(report, "wh-dup-" + id);
        send(report, "wh-dup-" + id);
        // And a new report of what already happened: a no-op too, not a dead letter.
        send(update(UUID.randomUUID().toString(), """
                {"order_id": "%s", "status": "shipped", "tracking_number": "WH-9"}""".formatted(id)), "wh-dup-" + id);
        awaitStatus(id, "shipped");
        long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        while (System.nanoTime() < until) {
            assertEquals(3, order(id).getJsonArray("status_history").size());
        }
        int published = 0;
        for (Message m = events.receive(500); m != null; m = events.receive(500)) {
            if (id.equals(Broker.property(m, "ce_subject"))) {
                assertEquals("shipped", Broker.json(m).getJsonObject("data").getString("status"));
                published++;
            }
        }
        assertEquals(1, published);
    }

    /** A report that can never be applied, and the reason the consumer gives for it. */
    private record Bad(Function<String, String> body, String reason) {
    }

    @Test
    void reportsThatCanNeverBeAppliedAreDeadLetteredWithTheReasonAndTheConsumerGoesOn() {
        String id = paidOrder();
        String unknown = UUID.randomUUID().toString();
        List<Bad> cases = List.of(
                new Bad(eventId -> "{not json", "body is not a JSON object"),
                new Bad(eventId -> "{\"id\": \"" + eventId + "\", \"type\": \"dev.emporium.fulfillment.updated.v1\", \"source\": \"s\", \"data\": {}}",
                        "specversion must be 1.0 (a CloudEvents 1.0 envelope)"),
                new Bad(eventId -> update(eventId, "{}").replace("fulfillment.updated", "fulfillment.other"),
                        "type must be dev.emporium.fulfillment.updated.v1 on emporium.fulfillment.updates, not dev.emporium.fulfillment.other.v1"),
                new Bad(eventId -> update(eventId, "{\"order_id\": \"%s\", \"status\": \"shipped\"}".formatted(unknown)),
                        "data.shipped_with_tracking needs a tracking_number"),
                new Bad(eventId -> update(eventId, "{\"order_id\": \"%s\", \"status\": \"lost\"}".formatted(unknown)),
                        "data.status must be one of shipped, delivered"),
                new Bad(eventId -> update(eventId, "{\"order_id\": \"not-a-uuid\", \"status\": \"delivered\"}"),
                        "data does not match dev.emporium.fulfillment.updated.v1"),
                new Bad(eventId -> update(eventId, "{\"order_id\": \"%s\", \"status\": \"delivered\"}".formatted(unknown)),
                        "no such order: " + unknown),
                new Bad(eventId -> update(eventId, "{\"order_id\": \"%s\", \"status\": \"delivered\"}".formatted(id)),
                        "order " + id + " cannot become delivered from where it is now"));

        for (Bad bad : cases) {
            String marker = "wh-bad-" + UUID.randomUUID();
            send(bad.body().apply(marker), marker);
            Message dead = broker.awaitDeadLetter("JMSCorrelationID = '" + marker + "'", WAIT);
            String reason = Broker.property(dead, "dead_letter_reason");
            assertTrue(reason.startsWith(bad.reason()), reason + " / expected " + bad.reason());
            assertEquals(QUEUE, Broker.property(dead, "dead_letter_origin"));
        }

        // The order the illegal report named waits for an operator; the consumer still takes good reports.
        Poll.untilTrue(WAIT, "order flagged", () -> order(id).containsKey("attention"));
        assertTrue(order(id).getJsonObject("attention").getString("reason").contains("cannot become delivered"));
        assertEquals("processing", order(id).getString("status"));
        send(update(UUID.randomUUID().toString(), """
                {"order_id": "%s", "status": "shipped", "tracking_number": "WH-7"}""".formatted(id)), "wh-ok-" + id);
        awaitStatus(id, "shipped");
        assertTrue(OrderProcessingIT.deadLetterCount("dev.emporium.fulfillment.updated.v1") >= 1);
    }
}
