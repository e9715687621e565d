package dev.emporium.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Broker;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Database;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Mailbox;
import dev.emporium.testing.Orders;
import dev.emporium.testing.Poll;
import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A placed order goes through the broker to OrderProcessingMdb, which takes payment (simulated gateway) and moves
 * it on; every status change is published on emporium.orders.events, the customer is mailed through a real SMTP
 * server, and the request's X-Request-Id travels with every message. Duplicates change nothing; messages that can
 * never be processed go to the dead-letter queue, and orders whose messages die there are flagged for an operator.
 */
@ExtendWith(ArquillianExtension.class)
class OrderProcessingIT {

    private static final Duration PROCESSING = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();
    private Account admin;
    private Account ada;
    private String product;
    private Broker broker;
    private JMSConsumer events;

    @BeforeEach
    void setUp() {
        admin = Accounts.admin();
        ada = Accounts.newCustomer();
        product = Catalog.newProduct(admin, Catalog.newCategory(admin), 10);
        broker = Broker.connect();
        // A subscription of our own, made before the order exists, as an integration team's would be.
        events = broker.subscribe("emporium.orders.events");
    }

    @AfterEach
    void tearDown() {
        Mailbox.start();
        broker.close();
    }

    private String place(String paymentToken, String requestId) {
        Reply placed = api.call("POST", "/orders", """
                {"items": [{"product_id": "%s", "quantity": 3}], "shipping_address": "1 Main Street", "payment_token": "%s"}"""
                .formatted(product, paymentToken), ada.accessToken(), "X-Request-Id", requestId);
        assertEquals(201, placed.status(), placed.toString());
        assertEquals(requestId, placed.header("X-Request-Id").orElseThrow());
        return placed.string("order_id");
    }

    private String place(String paymentToken) {
        return place(paymentToken, "it-" + UUID.randomUUID());
    }

    private void awaitStatus(String orderId, String status) {
        Orders.awaitStatus(api, ada.accessToken(), orderId, status, PROCESSING);
    }

    /** The status-changed events about the order, in the order they arrived, until the expected number came. */
    private List<JsonObject> statusEvents(String orderId, int expected) {
        return statusEvents(orderId, expected, PROCESSING);
    }

    private List<JsonObject> statusEvents(String orderId, int expected, Duration wait) {
        List<JsonObject> found = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (found.size() < expected && System.nanoTime() < deadline) {
            Message message = events.receive(500);
            if (message != null && orderId.equals(Broker.property(message, "ce_subject"))) {
                JsonObject event = Broker.json(message);
                assertEquals("1.0", event.getString("specversion"));
                assertEquals("/emporium/orders", event.getString("source"));
                assertEquals("dev.emporium.order.status-changed.v1", event.getString("type"));
                assertEquals(orderId, event.getString("subject"));
                assertEquals("application/json", event.getString("datacontenttype"));
                assertEquals(event.getString("correlationid"), Broker.correlationId(message));
                assertEquals(orderId, event.getJsonObject("data").getString("order_id"));
                found.add(event);
            }
        }
        return found;
    }

    private static List<String> statuses(List<JsonObject> events) {
        return events.stream().map(e -> e.getJsonObject("data").getString("status")).toList();
    }

    private int stock() {
        return api.get("/products/" + product, null).json().getInt("stock");
    }

    @Test
    void paidOrderIsConfirmedPublishedAndMailedUnderTheRequestsId() throws Exception {
        String requestId = "it-" + UUID.randomUUID();
        String id = place("tok_visa", requestId);
        awaitStatus(id, "processing");

        List<JsonObject> changes = statusEvents(id, 2);
        assertEquals(List.of("pending", "processing"), statuses(changes));
        // The MDB's event follows from the same request: the id went through the order-placed message and back.
        changes.forEach(e -> assertEquals(requestId, e.getString("correlationid")));
        assertEquals("pending", changes.get(1).getJsonObject("data").getString("previous_status"));

        MimeMessage mail = Mailbox.await(ada.email(), "confirmed", PROCESSING);
        assertTrue(Mailbox.text(mail).contains(id), Mailbox.text(mail));
        assertTrue(Mailbox.text(mail).contains("Hello " + ada.username()), Mailbox.text(mail));
        assertEquals(1, mail.getHeader("X-Emporium-Notification-Id").length);

        JsonObject order = api.get("/orders/" + id, ada.accessToken()).json();
        assertEquals(2, order.getJsonArray("status_history").size());
        assertTrue(order.getJsonArray("status_history").getJsonObject(1).getString("reason").startsWith("payment authorised"));
        assertEquals(7, stock());
        assertEquals(1, Database.number("SELECT count(*) FROM payments WHERE order_id = ?::uuid AND status = 'authorised'", id));
    }

    @Test
    void declinedPaymentFailsTheOrderGivesStockBackAndTellsTheCustomer() {
        String id = place("tok_declined");
        awaitStatus(id, "payment_failed");
        assertEquals(List.of("pending", "payment_failed"), statuses(statusEvents(id, 2)));
        assertEquals(10, stock());
        MimeMessage mail = Mailbox.await(ada.email(), "could not be paid", PROCESSING);
        assertTrue(Mailbox.text(mail).contains("card declined"), Mailbox.text(mail));
        assertEquals(1, Database.number("SELECT count(*) FROM payments WHERE order_id = ?::uuid AND status = 'declined'", id));
    }

    @Test
    void shippingIsPublishedWithTheTrackingNumberAndMailed() {
        String id = place("tok_visa");
        awaitStatus(id, "processing");
        assertEquals(200, api.put("/orders/" + id + "/status", "{\"status\": \"shipped\", \"tracking_number\": \"TRK1\"}",
                admin.accessToken()).status());
        List<JsonObject> changes = statusEvents(id, 3);
        assertEquals(List.of("pending", "processing", "shipped"), statuses(changes));
        assertEquals("TRK1", changes.get(2).getJsonObject("data").getString("tracking_number"));
        assertTrue(Mailbox.text(Mailbox.await(ada.email(), "on its way", PROCESSING)).contains("TRK1"));
    }

    @Test
    void cancellingAPaidOrderRefundsItGivesStockBackAndTellsTheCustomer() {
        String id = place("tok_visa");
        awaitStatus(id, "processing");
        assertEquals(7, stock());

        Reply cancelled = api.post("/orders/" + id + "/cancel", null, ada.accessToken());
        assertEquals(200, cancelled.status(), cancelled.toString());
        assertEquals("cancelled", cancelled.string("status"));
        var history = cancelled.json().getJsonArray("status_history");
        assertEquals("cancelled by the customer; payment to be refunded", history.getJsonObject(history.size() - 1).getString("reason"));
        assertEquals(10, stock());
        // The gateway is asked once the cancel has committed, not inside it.
        Poll.untilTrue(PROCESSING, "payment of " + id + " refunded", () -> Database.number(
                "SELECT count(*) FROM payments WHERE order_id = ?::uuid AND status = 'refunded'", id) == 1);
        assertEquals(1, Database.number("SELECT refund_requests FROM simulated_provider_charges WHERE idempotency_key = ?::uuid"
                + " AND refunded_at IS NOT NULL", id), "given back by the provider at the first request");
        // Right after the commit, not by the retry of owed refunds (which waits for a refund owed 2 s in the tests).
        assertTrue(Database.number("SELECT count(*) FROM payments p JOIN orders o ON o.id = p.order_id WHERE p.order_id = ?::uuid"
                + " AND p.updated_at < o.updated_at + interval '2 seconds'", id) == 1, "refunded right after the cancel");
        assertEquals(List.of("pending", "processing", "cancelled"), statuses(statusEvents(id, 3)));
        assertTrue(Mailbox.text(Mailbox.await(ada.email(), "cancelled", PROCESSING)).contains("payment to be refunded"));
    }

    @Test
    void aDuplicateDeliveryIsProcessedOnce() {
        // A pending order that no order-placed message exists for yet: the test delivers that message, twice.
        UUID orderId = UUID.randomUUID();
        Database.update("INSERT INTO orders (id, user_id, status, total_amount, currency, shipping_address)"
                + " VALUES (?, ?::uuid, 'pending', 42.00, 'EUR', '1 Main Street')", orderId, ada.id());
        Database.update("INSERT INTO order_status_history (order_id, status, reason) VALUES (?, 'pending', 'placed')", orderId);
        String eventId = UUID.randomUUID().toString();
        String placed = """
                {"specversion": "1.0", "id": "%s", "source": "/emporium/orders", "type": "dev.emporium.order.placed.v1",
                 "subject": "%s", "time": "%s", "datacontenttype": "application/json",
                 "data": {"order_id": "%s", "user_id": "%s", "total_amount": 42.00, "currency": "EUR", "payment_token": "tok_visa"}}"""
                .formatted(eventId, orderId, Instant.now(), orderId, ada.id());
        broker.send("emporium.orders.placed", placed, "dup-" + eventId, Map.of("ce_type", "dev.emporium.order.placed.v1"));
        broker.send("emporium.orders.placed", placed, "dup-" + eventId, Map.of("ce_type", "dev.emporium.order.placed.v1"));

        awaitStatus(orderId.toString(), "processing");
        Mailbox.await(ada.email(), "confirmed", PROCESSING);
        // Whatever order the two copies were taken in, for a while longer nothing more happens.
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < until) {
            assertEquals(1, Database.number("SELECT count(*) FROM payments WHERE order_id = ?", orderId));
            assertEquals(2, Database.number("SELECT count(*) FROM order_status_history WHERE order_id = ?", orderId));
            assertEquals(1, Mailbox.to(ada.email()).size());
        }
        assertEquals(1, Database.number("SELECT count(*) FROM processed_messages WHERE consumer = 'order-processing'"
                + " AND message_id = ?", eventId));
        assertEquals(List.of("processing"), statuses(statusEvents(orderId.toString(), 2, Duration.ofSeconds(2))));
    }

    @Test
    void aPoisonMessageIsDeadLetteredAtOnceWithItsReasonAndTheConsumerKeepsWorking() {
        String marker = "poison-" + UUID.randomUUID();
        long sent = System.nanoTime();
        broker.send("emporium.orders.placed", "this is not json", marker, Map.of());

        Message dead = broker.awaitDeadLetter("JMSCorrelationID = '" + marker + "'", PROCESSING);
        assertEquals("body is not a JSON object", Broker.property(dead, "dead_letter_reason"));
        assertEquals("emporium.orders.placed", Broker.property(dead, "dead_letter_origin"));
        assertEquals("this is not json", Broker.body(dead));
        // Rejected on first sight, without the broker's 15 s of back-off.
        assertTrue(Duration.ofNanos(System.nanoTime() - sent).compareTo(Duration.ofSeconds(10)) < 0);

        awaitStatus(place("tok_visa"), "processing");
    }

    @Test
    void aMailThatCannotBeSentIsRetriedThenDeadLetteredAndTheOrderFlaggedForAnOperator() {
        double before = deadLetterCount("dev.emporium.notification.requested.v1");
        Mailbox.stop();
        String id = place("tok_visa");
        awaitStatus(id, "processing");

        // Five deliveries 1, 2, 4, 8 s apart, then the broker gives up on the confirmation mail.
        Message dead = broker.awaitDeadLetter("ce_subject = '" + id + "' AND ce_type = 'dev.emporium.notification.requested.v1'",
                Duration.ofSeconds(60));
        assertEquals("emporium.notifications", Broker.property(dead, "_AMQ_ORIG_ADDRESS"));
        Poll.untilTrue(PROCESSING, "order flagged", () -> flagged().contains(id));
        JsonObject order = api.get("/orders/" + id, admin.accessToken()).json();
        assertTrue(order.getJsonObject("attention").getString("reason").contains("notification"), order.toString());
        assertFalse(api.get("/orders/" + id, ada.accessToken()).json().containsKey("attention"), "customers do not see it");
        Poll.untilTrue(PROCESSING, "dead letter counted",
                () -> deadLetterCount("dev.emporium.notification.requested.v1") >= before + 1);

        assertEquals(204, api.delete("/orders/" + id + "/attention", admin.accessToken()).status());
        assertFalse(flagged().contains(id));
        assertEquals(404, api.delete("/orders/" + UUID.randomUUID() + "/attention", admin.accessToken()).status());
    }

    private List<String> flagged() {
        Reply page = api.get("/orders?attention=true&limit=100", admin.accessToken());
        assertEquals(200, page.status(), page.toString());
        return page.json().getJsonArray("data").stream().map(o -> o.asJsonObject().getString("id")).toList();
    }

    /** emporium_dead_letters_total for the type, as Prometheus scrapes it (0 before the first). */
    static double deadLetterCount(String type) {
        String metrics = new String(Api.newClient().bytes("/metrics?scope=application").body(), StandardCharsets.UTF_8);
        Matcher line = Pattern.compile("(?m)^emporium_dead_letters_total\\{[^}]*type=\"" + Pattern.quote(type)
                + "\"[^}]*} ([0-9.eE+-]+)$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
