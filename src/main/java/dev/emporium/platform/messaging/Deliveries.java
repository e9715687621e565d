package dev.emporium.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import java.util.function.Supplier;

/** What every message-driven bean does around one delivery: its trace span and its metrics. */
@ApplicationScoped
public class Deliveries {

    @Inject
    ConsumerMetrics metrics;

    @Inject
    MessageTracing tracing;

    /**
     * Runs a bean's handling of a delivery inside the message's trace ({@link MessageTracing#process}), and counts
     * and times it whatever the outcome: anything thrown counts as {@link ConsumerMetrics.Outcome#ERROR}.
     */
    public void take(Message message, Address queue, String consumer, Supplier<ConsumerMetrics.Outcome> handling) {
        long started = System.nanoTime();
        ConsumerMetrics.Outcome outcome = ConsumerMetrics.Outcome.ERROR;
        try {
            outcome = tracing.process(message, queue, consumer, handling);
        } finally {
            metrics.delivered(consumer, message, outcome, started);
        }
    }
}
