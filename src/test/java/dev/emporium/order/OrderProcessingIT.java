package dev.emporium.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Poll;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A placed order goes through the broker to OrderProcessingMdb, which takes payment (simulated gateway) and moves
 * it on; every status change is published on the emporium.orders.events topic as a CloudEvent.
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
    private ActiveMQConnectionFactory factory;
    private JMSContext jms;
    private JMSConsumer events;

    @BeforeEach
    void setUp() {
        admin = Accounts.admin();
        ada = Accounts.newCustomer();
        product = Catalog.newProduct(admin, Catalog.newCategory(admin), 10);
        factory = new ActiveMQConnectionFactory("tcp://" + System.getProperty("it.artemis.host", "127.0.0.1") + ":"
                + System.getProperty("it.artemis.port", "61636"), "emporium", "emporium");
        jms = factory.createContext();
        // A subscription of our own, made before the order exists, as an integration team's would be.
        events = jms.createConsumer(jms.createTopic("emporium.orders.events"));
    }

    @AfterEach
    void tearDown() {
        jms.close();
        factory.close();
    }

    private String place(String paymentToken) {
        Reply placed = api.post("/orders", """
                {"items": [{"product_id": "%s", "quantity": 3}], "shipping_address": "1 Main Street", "payment_token": "%s"}"""
                .formatted(product, paymentToken), ada.accessToken());
        assertEquals(201, placed.status(), placed.toString());
        return placed.string("order_id");
    }

    private String awaitStatus(String orderId, String status) {
        return Poll.until(PROCESSING, "order " + orderId + " " + status, () -> {
            String now = api.get("/orders/" + orderId, ada.accessToken()).string("status");
            return status.equals(now) ? now : null;
        });
    }

    private List<String> eventStatuses(String orderId, int expected) throws Exception {
        List<String> statuses = new ArrayList<>();
        long deadline = System.nanoTime() + PROCESSING.toNanos();
        while (statuses.size() < expected && System.nanoTime() < deadline) {
            Message message = events.receive(1000);
            if (message == null || !orderId.equals(message.getJMSCorrelationID())) {
                continue;
            }
            JsonObject event;
            try (var reader = Json.createReader(new StringReader(message.getBody(String.class)))) {
                event = reader.readObject();
            }
            assertEquals("1.0", event.getString("specversion"));
            assertEquals("/emporium/orders", event.getString("source"));
            assertEquals("dev.emporium.order.status-changed.v1", event.getString("type"));
            assertEquals("application/json", event.getString("datacontenttype"));
            assertTrue(!event.getString("id").isBlank() && !event.getString("time").isBlank());
            assertEquals(orderId, event.getJsonObject("data").getString("order_id"));
            statuses.add(event.getJsonObject("data").getString("status"));
        }
        return statuses;
    }

    @Test
    void paidOrderMovesToProcessingAndEachChangeIsPublished() throws Exception {
        String id = place("tok_visa");
        awaitStatus(id, "processing");
        assertEquals(List.of("pending", "processing"), eventStatuses(id, 2));
        JsonObject order = api.get("/orders/" + id, ada.accessToken()).json();
        assertEquals(2, order.getJsonArray("status_history").size());
        assertTrue(order.getJsonArray("status_history").getJsonObject(1).getString("reason").startsWith("payment authorised"));
        assertEquals(7, api.get("/products/" + product, null).json().getInt("stock"));
    }

    @Test
    void declinedPaymentFailsTheOrderAndGivesStockBack() throws Exception {
        String id = place("tok_declined");
        awaitStatus(id, "payment_failed");
        assertEquals(List.of("pending", "payment_failed"), eventStatuses(id, 2));
        assertEquals(10, api.get("/products/" + product, null).json().getInt("stock"));
    }

    @Test
    void adminChangesArePublishedToo() throws Exception {
        String id = place("tok_visa");
        awaitStatus(id, "processing");
        assertEquals(200, api.put("/orders/" + id + "/status", "{\"status\": \"shipped\", \"tracking_number\": \"TRK1\"}",
                admin.accessToken()).status());
        assertEquals(List.of("pending", "processing", "shipped"), eventStatuses(id, 3));
    }
}
