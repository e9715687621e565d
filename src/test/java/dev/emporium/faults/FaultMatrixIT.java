package dev.emporium.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault matrix: each scenario puts a fault under concurrent order placement (16 customers, every order with an
 * Idempotency-Key of its own, retried with it until acknowledged) against a real Liberty, PostgreSQL and Artemis of
 * their own ("faults" service set, server emporium-faults), and ends with the invariants checked in SQL, on the
 * broker and in the mailbox (Invariants). The figures of every scenario go to target/faults/report.md.
 *
 * <p>{@code -Dfaults.orders} sets the orders per scenario: 240 in ci/test.sh, 1,000 with ci/faults.sh.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultMatrixIT {

    private static final int ORDERS = Integer.getInteger("faults.orders", 240);

    private final FaultServer server = new FaultServer();
    private final List<ScenarioReport> reports = new ArrayList<>();
    private LoadShop shop;
    private Scenario scenario;
    private Duration firstStart;

    @BeforeAll
    void startTheFaultSet() throws Exception {
        FaultServices.database("start");
        FaultServices.createFreshDatabase();
        FaultServices.broker("start");
        server.create();
        firstStart = server.start();
        shop = LoadShop.open(FaultServer.ROOT, "faults");
        scenario = new Scenario(FaultServer.ROOT, shop, ORDERS, ORDERS / 3);
    }

    @AfterAll
    void stopTheFaultSet() throws Exception {
        try {
            Path report = FaultServices.basedir().toPath().resolve("target/faults/report.md");
            Files.createDirectories(report.getParent());
            Files.writeString(report, ScenarioReport.markdown(reports, ORDERS, shop.customers().size(), firstStart), StandardCharsets.UTF_8);
            System.out.println(Files.readString(report));
        } finally {
            try {
                server.stop();
            } finally {
                FaultServices.broker("stop");
                FaultServices.database("stop");
            }
        }
    }

    @Test
    @Order(1)
    void killOfTheServer() throws Exception {
        scenario("kill -9 of the server, then restart", 0, () -> {
            server.kill();
            server.start();
        });
    }

    @Test
    @Order(2)
    void killOfTheBroker() throws Exception {
        scenario("kill -9 of the broker, restarted 5 s later", 0, () -> {
            FaultServices.broker("kill");
            FaultServer.sleep(5_000);
            FaultServices.broker("start");
        });
    }

    @Test
    @Order(3)
    void databaseStoppedForTenSeconds() throws Exception {
        scenario("PostgreSQL stopped (immediate) for 10 s", 0, () -> {
            FaultServices.database("crash");
            FaultServer.sleep(10_000);
            FaultServices.database("start");
        });
    }

    @Test
    @Order(4)
    void poisonMessagesOfEveryKind() throws Exception {
        String marker = "poison-" + UUID.randomUUID();
        List<Poison> poisons = poisons();
        scenario("a poison message of each kind (" + poisons.size() + ") among the orders", poisons.size(),
                () -> send(poisons, marker));
        List<Message> dead = BrokerState.takeDeadLetters("JMSCorrelationID LIKE '" + marker + "%'");
        assertEquals(poisons.size(), dead.size(), "every poison message is in DLQ, once");
        for (Message letter : dead) {
            Poison poison = poisons.get(Integer.parseInt(letter.getJMSCorrelationID().substring(marker.length() + 1)));
            String reason = letter.getStringProperty("dead_letter_reason");
            if (poison.refusedByTheConsumer()) {
                assertTrue(reason != null && !reason.isBlank(), poison.kind() + ": dead-lettered with its reason");
                assertEquals(poison.queue(), letter.getStringProperty("dead_letter_origin"), poison.kind());
            } else {
                assertEquals(poison.queue(), letter.getStringProperty("_AMQ_ORIG_ADDRESS"), poison.kind()
                        + ": moved by the broker after its redeliveries");
            }
        }
    }

    private void scenario(String name, long expectedDeadLetters, Scenario.Fault fault) throws Exception {
        ScenarioReport report = scenario.run(name, expectedDeadLetters, Scenario.OUTAGE_ANSWERS, fault).report();
        reports.add(report);
        Scenario.assertHolds(report);
    }

    /** A message no number of deliveries makes processable, the queue it is sent to, and who refuses it. */
    private record Poison(String kind, String queue, String body, boolean refusedByTheConsumer) {
    }

    private static List<Poison> poisons() {
        String unknown = UUID.randomUUID().toString();
        return List.of(
                new Poison("not JSON", "emporium.orders.placed", "this is not json", true),
                new Poison("not a text message", "emporium.orders.placed", null, true),
                new Poison("JSON but no CloudEvent", "emporium.orders.placed", "{\"order_id\": \"" + unknown + "\"}", true),
                new Poison("an event of another type", "emporium.orders.placed",
                        event("dev.emporium.fulfillment.updated.v1", "{\"order_id\": \"" + unknown + "\", \"status\": \"shipped\"}"), true),
                new Poison("an order that does not exist", "emporium.orders.placed", event("dev.emporium.order.placed.v1",
                        "{\"order_id\": \"" + unknown + "\", \"user_id\": \"" + unknown + "\", \"total_amount\": 1.00,"
                                + " \"currency\": \"EUR\"}"), true),
                new Poison("a customer who does not exist", "emporium.notifications", event("dev.emporium.notification.requested.v1",
                        "{\"template\": \"order_confirmed\", \"user_id\": \"" + unknown + "\", \"order_id\": \"" + unknown
                                + "\", \"total_amount\": 1.00, \"currency\": \"EUR\"}"), true),
                new Poison("invalid data", "emporium.fulfillment.updates", event("dev.emporium.fulfillment.updated.v1",
                        "{\"order_id\": \"" + unknown + "\", \"status\": \"lost\"}"), true),
                new Poison("a report about an order that does not exist", "emporium.fulfillment.updates",
                        event("dev.emporium.fulfillment.updated.v1", "{\"order_id\": \"" + unknown + "\", \"status\": \"delivered\"}"), true),
                new Poison("a probe that cannot be read: the broker gives up after 5 deliveries", "emporium.system.probe",
                        "not a probe", false));
    }

    private static String event(String type, String data) {
        return ("{\"specversion\": \"1.0\", \"id\": \"%s\", \"source\": \"urn:faults\", \"type\": \"%s\", \"time\": \"%s\","
                + " \"datacontenttype\": \"application/json\", \"data\": %s}").formatted(UUID.randomUUID(), type, Instant.now(), data);
    }

    private static void send(List<Poison> poisons, String marker) throws JMSException {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(FaultServices.BROKER_URL, "emporium", "emporium");
             JMSContext jms = factory.createContext()) {
            for (int i = 0; i < poisons.size(); i++) {
                Poison poison = poisons.get(i);
                JMSProducer producer = jms.createProducer().setJMSCorrelationID(marker + "-" + i);
                if (poison.body() == null) {
                    BytesMessage bytes = jms.createBytesMessage();
                    bytes.writeBytes(new byte[] {1, 2, 3});
                    producer.send(jms.createQueue(poison.queue()), bytes);
                } else {
                    producer.send(jms.createQueue(poison.queue()), poison.body());
                }
            }
        }
    }
}
