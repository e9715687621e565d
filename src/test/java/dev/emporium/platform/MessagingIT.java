package dev.emporium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.catalog.Category;
import dev.emporium.platform.messaging.Destinations;
import dev.emporium.platform.messaging.SystemProbe;
import dev.emporium.platform.messaging.SystemProbeSender;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.InServer;
import dev.emporium.testing.Poll;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The messaging path is real: a message written to the outbox in a transaction reaches the broker once that commits
 * (and never if it rolls back), a message-driven bean consumes it and writes through JPA in a local transaction, a
 * duplicate changes nothing, and a message that keeps failing is redelivered with back-off and dead-lettered.
 */
@ExtendWith(ArquillianExtension.class)
class MessagingIT {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Deployment
    static WebArchive deployment() {
        return Deployments.inServer();
    }

    @Inject
    InServer server;

    @Inject
    SystemProbeSender sender;

    @Resource(lookup = Destinations.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = Destinations.SYSTEM_PROBE_QUEUE)
    Queue probeQueue;

    @Test
    void committedMessageIsConsumedByTheMdbWhichWritesThroughJpa() throws Exception {
        Instant before = Instant.now();
        UUID probeId = server.inTransaction(sender::send);

        SystemProbe probe = Poll.until(DELIVERY, "probe " + probeId + " in the database", () -> findProbe(probeId));
        assertFalse(probe.getSentAt().isBefore(before.minusMillis(1)));
        assertFalse(probe.getReceivedAt().isBefore(probe.getSentAt()));
    }

    @Test
    void rolledBackTransactionSendsNothingAndWritesNothing() throws Exception {
        String slug = "outbox-" + UUID.randomUUID().toString().substring(0, 8);
        UUID rolledBack = server.inRolledBackTransaction(() -> {
            server.em().persist(new Category("Outbox check", slug, null));
            server.em().flush();
            return sender.send();
        });
        // A later, committed probe is delivered; by then the queue is drained, so a message sent by the rolled-back
        // transaction would have been consumed too.
        UUID committed = server.inTransaction(sender::send);
        Poll.until(DELIVERY, "committed probe", () -> findProbe(committed));
        Poll.untilTrue(DELIVERY, "probe queue drained", () -> queueDepth(probeQueue) == 0);

        assertNull(findProbe(rolledBack), "the message of the rolled-back transaction was never sent");
        assertTrue(server.em().createQuery("select c from Category c where c.slug = :slug", Category.class)
                .setParameter("slug", slug).getResultList().isEmpty(), "the row of the rolled-back transaction is gone");
    }

    @Test
    void duplicateDeliveryIsRecordedOnce() {
        UUID probeId = UUID.randomUUID();
        String body = "{\"probe_id\":\"" + probeId + "\",\"sent_at\":\"" + Instant.now() + "\"}";
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().send(probeQueue, body);
            context.createProducer().send(probeQueue, body);
        }
        Poll.until(DELIVERY, "probe in the database", () -> findProbe(probeId));
        Poll.untilTrue(DELIVERY, "both copies consumed", () -> queueDepth(probeQueue) == 0);

        Long rows = server.em().createQuery("select count(p) from SystemProbe p where p.id = :id", Long.class)
                .setParameter("id", probeId).getSingleResult();
        assertEquals(1L, rows);
    }

    @Test
    void poisonMessageIsRetriedWithBackOffThenDeadLettered() {
        String marker = "poison-" + UUID.randomUUID();
        Instant sent = Instant.now();
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().setJMSCorrelationID(marker).send(probeQueue, "not json");
        }
        Queue deadLetters;
        try (JMSContext context = connectionFactory.createContext()) {
            deadLetters = context.createQueue("DLQ");
        }
        // Five deliveries, 1 + 2 + 4 + 8 s apart (broker.xml), then the broker moves it to DLQ.
        Message dead = Poll.until(Duration.ofSeconds(60), "poison message in DLQ", () -> receive(deadLetters, marker));
        Duration elapsed = Duration.between(sent, Instant.now());
        assertTrue(elapsed.compareTo(Duration.ofSeconds(14)) >= 0, "redelivery backed off: " + elapsed);
        assertNotNull(dead);
    }

    private SystemProbe findProbe(UUID id) {
        return server.em().find(SystemProbe.class, id);
    }

    private int queueDepth(Queue queue) {
        try (JMSContext context = connectionFactory.createContext();
             QueueBrowser browser = context.createBrowser(queue)) {
            return Collections.list(browser.getEnumeration()).size();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private Message receive(Queue queue, String correlationId) {
        try (JMSContext context = connectionFactory.createContext();
             JMSConsumer consumer = context.createConsumer(queue, "JMSCorrelationID = '" + correlationId + "'")) {
            return consumer.receive(500);
        }
    }
}
