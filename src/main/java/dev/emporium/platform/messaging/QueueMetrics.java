package dev.emporium.platform.messaging;

import dev.emporium.platform.json.JsonP;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * emporium_queue_messages and emporium_queue_consumers for every queue Emporium's work passes through, and the
 * dead-letter queue: read from the broker itself through its management address (request and reply over the same
 * connection factory the readiness check uses), because Artemis's own Prometheus plugin is not part of its
 * distribution. Every replica reports the same figures; the alerts take the max per queue. One reading serves the
 * scrapes of {@code emporium.metrics.queue-reading-ttl}; a broker that does not answer leaves the gauges NaN, which
 * Prometheus stores as a gap and readiness reports.
 */
@ApplicationScoped
public class QueueMetrics {

    private static final Logger LOG = Logger.getLogger(QueueMetrics.class.getName());
    private static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final long REPLY_TIMEOUT_MILLIS = 1000;
    private static final Metadata MESSAGES = Metadata.builder().withName("emporium.queue.messages")
            .withDescription("Messages on the queue, waiting or being delivered (the broker's messageCount)").build();
    private static final Metadata CONSUMERS = Metadata.builder().withName("emporium.queue.consumers")
            .withDescription("Consumers attached to the queue, across all replicas (the broker's consumerCount)").build();

    /** The queues whose figures are kept: the work queues, the dead-letter watch and the dead-letter queue. */
    static final List<String> QUEUES = List.of(Destinations.ORDERS_PLACED.name(), Destinations.NOTIFICATIONS.name(),
            Destinations.FULFILLMENT_UPDATES.name(), Destinations.DEAD_LETTER_WATCH.name(), Destinations.DEAD_LETTERS.name());

    /** Unshareable, for the reason BrokerProbe gives: a new connection for every reading. */
    @Resource(lookup = Destinations.HEALTH_CONNECTION_FACTORY, shareable = false)
    ConnectionFactory connectionFactory;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "emporium.metrics.queue-reading-ttl", defaultValue = "PT5S")
    Duration readingTtl;

    private record Reading(long takenAt, Map<String, long[]> figures) {
    }

    /** Null until the first scrape asks. */
    private volatile Reading last;

    void register(@Observes Startup startup) {
        for (String queue : QUEUES) {
            Tag tag = new Tag("queue", queue);
            metrics.gauge(MESSAGES, this, self -> self.figure(queue, 0), tag);
            metrics.gauge(CONSUMERS, this, self -> self.figure(queue, 1), tag);
        }
    }

    double figure(String queue, int which) {
        long[] figures = reading().figures().get(queue);
        return figures == null ? Double.NaN : figures[which];
    }

    private Reading reading() {
        Reading reading = last;
        if (reading != null && System.nanoTime() - reading.takenAt() < readingTtl.toNanos()) {
            return reading;
        }
        synchronized (this) {
            if (last == reading) {
                last = new Reading(System.nanoTime(), read());
            }
            return last;
        }
    }

    /** Each queue's message and consumer counts, as far as the broker answered; the rest is left out. */
    private Map<String, long[]> read() {
        Map<String, long[]> figures = new LinkedHashMap<>();
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            Queue management = context.createQueue(MANAGEMENT_ADDRESS);
            TemporaryQueue replies = context.createTemporaryQueue();
            try (JMSConsumer answers = context.createConsumer(replies)) {
                for (String queue : QUEUES) {
                    Long messages = attribute(context, management, replies, answers, queue, "messageCount");
                    Long consumers = attribute(context, management, replies, answers, queue, "consumerCount");
                    if (messages == null || consumers == null) {
                        // A broker that leaves one request unanswered would leave the others too: the scrape
                        // must not wait a second per question.
                        break;
                    }
                    figures.put(queue, new long[] {messages, consumers});
                }
            }
        } catch (JMSRuntimeException e) {
            LOG.log(Level.FINE, "Queue figures not read from the broker", e);
        }
        return figures;
    }

    private static Long attribute(JMSContext context, Queue management, TemporaryQueue replies, JMSConsumer answers,
                                  String queue, String attribute) {
        try {
            Message request = context.createMessage();
            request.setStringProperty("_AMQ_ResourceName", "queue." + queue);
            request.setStringProperty("_AMQ_Attribute", attribute);
            request.setJMSReplyTo(replies);
            context.createProducer().send(management, request);
            Message reply = answers.receive(REPLY_TIMEOUT_MILLIS);
            if (reply == null || !reply.getBooleanProperty("_AMQ_OperationSucceeded")) {
                return null;
            }
            JsonArray result = JsonP.PROVIDER.createReader(new StringReader(text(reply))).readArray();
            JsonValue value = result.isEmpty() ? null : result.get(0);
            return value instanceof JsonNumber number ? number.longValue() : null;
        } catch (JMSException | JsonException | ClassCastException e) {
            LOG.log(Level.FINE, "No " + attribute + " of " + queue + " from the broker", e);
            return null;
        }
    }

    private static String text(Message reply) throws JMSException {
        return reply instanceof TextMessage textMessage ? textMessage.getText() : reply.getBody(String.class);
    }
}
