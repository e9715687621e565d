package dev.emporium.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Broker;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Orders;
import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The AsyncAPI document (docs/asyncapi/asyncapi.yaml) is the contract integration teams build on: its JSON
 * Schemas must hold for the messages the running application really sends, and a warehouse message written as the
 * document says must be accepted. Messages are captured from the events topic and from emporium.wiretap (the
 * broker's copies of the queues Emporium consumes itself).
 */
@ExtendWith(ArquillianExtension.class)
class MessageContractIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private static Path documentDir;
    private static JsonNode document;
    /** Per event type (the AsyncAPI message name): its payload schema and its headers schema. */
    private static final Map<String, JsonSchema> PAYLOADS = new HashMap<>();
    private static final Map<String, JsonSchema> HEADERS = new HashMap<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();
    private Account admin;
    private Account ada;
    private Broker broker;
    private JMSConsumer events;
    private JMSConsumer wiretap;

    @BeforeAll
    static void readTheDocument() throws IOException {
        documentDir = Path.of(System.getProperty("emporium.basedir", "."), "docs", "asyncapi");
        document = new ObjectMapper(new YAMLFactory()).readTree(documentDir.resolve("asyncapi.yaml").toFile());
        document.path("components").path("messages").forEach(message -> {
            JsonNode ref = message.path("payload").path("schema").path("$ref");
            if (!ref.isMissingNode()) {
                PAYLOADS.put(message.path("name").asText(), schema(documentDir.resolve(ref.asText()).normalize()));
            }
            if (message.has("headers")) {
                HEADERS.put(message.path("name").asText(), SCHEMAS.getSchema(message.path("headers"), CONFIG));
            }
        });
    }

    @BeforeEach
    void setUp() {
        admin = Accounts.admin();
        ada = Accounts.newCustomer();
        broker = Broker.connect();
        events = broker.subscribe("emporium.orders.events");
        wiretap = broker.subscribe("emporium.wiretap");
    }

    @AfterEach
    void tearDown() {
        broker.close();
    }

    private static JsonSchema schema(Path file) {
        try (var in = Files.newInputStream(file)) {
            return SCHEMAS.getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    @Test
    void theDocumentIsAsyncApi3AndEverySchemaFileBelongsToAMessageWithAValidExample() throws IOException {
        assertEquals("3.0.0", document.path("asyncapi").asText());
        assertEquals(Set.of(OrderMessages.PLACED_TYPE, OrderMessages.STATUS_TYPE,
                "dev.emporium.notification.requested.v1", FulfillmentUpdateMdb.UPDATED_TYPE), PAYLOADS.keySet());
        Set<String> referenced = new HashSet<>();
        document.path("components").path("messages").forEach(m -> referenced.add(m.path("payload").path("schema").path("$ref").asText()));
        try (Stream<Path> files = Files.list(documentDir.resolve("schemas"))) {
            for (String file : files.map(f -> "./schemas/" + f.getFileName()).toList()) {
                assertTrue(referenced.contains(file), file + " is not used by any message of the document");
            }
        }
        document.path("components").path("messages").forEach(message -> {
            String type = message.path("name").asText();
            if (PAYLOADS.containsKey(type)) {
                assertTrue(message.path("examples").size() > 0, type + " has no example");
                message.path("examples").forEach(example -> {
                    assertValid(PAYLOADS.get(type), example.path("payload"), type + " example payload");
                    if (HEADERS.containsKey(type) && example.has("headers")) {
                        assertValid(HEADERS.get(type), example.path("headers"), type + " example headers");
                    }
                });
            }
        });
        // The schemas are not vacuous: a message without its data is refused by each of them.
        PAYLOADS.forEach((type, schema) -> assertTrue(!schema.validate(JSON.createObjectNode().put("specversion", "1.0")
                .put("type", type)).isEmpty(), type + " accepts a body without id, source and data"));
    }

    @Test
    void everyMessageTheApplicationSendsMatchesItsSchemaAndAWarehouseMessageAsDocumentedIsAccepted() throws Exception {
        String product = Catalog.newProduct(admin, Catalog.newCategory(admin), 10);
        String shipped = Orders.place(api, ada, product);
        awaitStatus(shipped, "processing");
        sendDocumentedWarehouseReport(shipped);
        awaitStatus(shipped, "shipped");

        String declined = Orders.place(api, ada, product, 1, "tok_declined");
        awaitStatus(declined, "payment_failed");
        String cancelled = Orders.place(api, ada, product);
        awaitStatus(cancelled, "processing");
        assertEquals(200, api.post("/orders/" + cancelled + "/cancel", null, ada.accessToken()).status());

        Set<String> orders = Set.of(shipped, declined, cancelled);
        // pending + processing + shipped, pending + payment_failed, pending + processing + cancelled
        List<Message> statusChanges = collect(events, orders, 8);
        // 3 placed; confirmed + shipped, payment_failed, confirmed + cancelled
        List<Message> copies = collect(wiretap, orders, 8);

        Map<String, Integer> seen = new HashMap<>();
        for (Message message : concat(statusChanges, copies)) {
            JsonNode body = JSON.readTree(Broker.body(message));
            String type = body.path("type").asText();
            assertNotNull(PAYLOADS.get(type), "a message of a type the document does not describe: " + body);
            assertValid(PAYLOADS.get(type), body, type + " as sent");
            assertValid(HEADERS.get(type), headersOf(message), type + " headers as sent");
            seen.merge(type + (body.path("data").has("template") ? "/" + body.path("data").path("template").asText()
                    : body.path("data").has("status") ? "/" + body.path("data").path("status").asText() : ""), 1, Integer::sum);
        }
        assertEquals(Map.of(
                "dev.emporium.order.status-changed.v1/pending", 3,
                "dev.emporium.order.status-changed.v1/processing", 2,
                "dev.emporium.order.status-changed.v1/shipped", 1,
                "dev.emporium.order.status-changed.v1/payment_failed", 1,
                "dev.emporium.order.status-changed.v1/cancelled", 1,
                "dev.emporium.order.placed.v1", 3,
                "dev.emporium.notification.requested.v1/order_confirmed", 2,
                "dev.emporium.notification.requested.v1/order_shipped", 1,
                "dev.emporium.notification.requested.v1/payment_failed", 1,
                "dev.emporium.notification.requested.v1/order_cancelled", 1), seen);
    }

    /** The document's own example of a warehouse report, pointed at the given order. */
    private void sendDocumentedWarehouseReport(String orderId) {
        JsonNode example = document.path("components").path("messages").path("fulfillmentUpdated").path("examples").get(0);
        ObjectNode payload = example.path("payload").deepCopy();
        payload.put("id", UUID.randomUUID().toString());
        ((ObjectNode) payload.path("data")).put("order_id", orderId).put("status", "shipped");
        assertValid(PAYLOADS.get(FulfillmentUpdateMdb.UPDATED_TYPE), payload, "the report the test sends");
        broker.send("emporium.fulfillment.updates", payload.toString(), "contract-" + orderId, Map.of());
    }

    private void awaitStatus(String id, String status) {
        Orders.awaitStatus(api, ada.accessToken(), id, status, WAIT);
    }

    /** Messages about the given orders (by ce_subject) until the expected number came; fails on fewer. */
    private static List<Message> collect(JMSConsumer consumer, Set<String> orders, int expected) {
        List<Message> found = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (found.size() < expected && System.nanoTime() < deadline) {
            Message message = consumer.receive(500);
            if (message != null && orders.contains(Broker.property(message, "ce_subject"))) {
                found.add(message);
            }
        }
        assertEquals(expected, found.size(), "messages about " + orders);
        return found;
    }

    private static JsonNode headersOf(Message message) {
        ObjectNode headers = JSON.createObjectNode();
        headers.put("JMSCorrelationID", Broker.correlationId(message));
        for (String name : List.of("ce_type", "ce_id", "ce_subject")) {
            String value = Broker.property(message, name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private static void assertValid(JsonSchema schema, JsonNode node, String what) {
        Set<ValidationMessage> errors = schema.validate(node);
        assertTrue(errors.isEmpty(), what + " does not match its schema: "
                + errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; ")) + "\n" + node);
    }

    private static List<Message> concat(List<Message> a, List<Message> b) {
        List<Message> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
