package dev.emporium.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What each message-driven bean did with the messages it was given, labelled by the bean's consumer name (a closed
 * set): handled (its work committed, or the message was a duplicate), failed (an error: the work rolled back and the
 * broker will deliver again; or a message that can never succeed, sent to the dead-letter queue), redelivered (a
 * delivery the broker had made before), and how long each delivery took.
 */
@ApplicationScoped
public class ConsumerMetrics {

    static final String PROCESSING_NAME = "emporium.messages.processing";
    private static final Metadata HANDLED = Metadata.builder().withName("emporium.messages.handled")
            .withDescription("Messages a consumer handled to the end (work committed, or a duplicate skipped)").build();
    private static final Metadata FAILED = Metadata.builder().withName("emporium.messages.failed")
            .withDescription("Deliveries that failed, by reason: error (rolled back, delivered again), invalid (dead-lettered)").build();
    private static final Metadata REDELIVERED = Metadata.builder().withName("emporium.messages.redelivered")
            .withDescription("Deliveries of a message the broker had delivered before").build();
    private static final Metadata PROCESSING = Metadata.builder().withName(PROCESSING_NAME).withUnit(MetricUnits.SECONDS)
            .withDescription("Time a consumer took for one delivery, whatever its outcome").build();

    /** How a delivery ended. */
    public enum Outcome {
        HANDLED, INVALID, ERROR
    }

    @Inject
    MetricRegistry metrics;

    /** Records one delivery to the consumer: its outcome and how long it took since {@code startedNanos}. */
    public void delivered(String consumer, Message message, Outcome outcome, long startedNanos) {
        Tag tag = new Tag("consumer", consumer);
        metrics.timer(PROCESSING, tag).update(Duration.ofNanos(System.nanoTime() - startedNanos));
        if (redelivered(message)) {
            metrics.counter(REDELIVERED, tag).inc();
        }
        switch (outcome) {
            case HANDLED -> metrics.counter(HANDLED, tag).inc();
            case INVALID -> metrics.counter(FAILED, tag, new Tag("reason", "invalid")).inc();
            case ERROR -> metrics.counter(FAILED, tag, new Tag("reason", "error")).inc();
        }
    }

    private static boolean redelivered(Message message) {
        try {
            return message.getJMSRedelivered();
        } catch (JMSException e) {
            return false;
        }
    }
}
