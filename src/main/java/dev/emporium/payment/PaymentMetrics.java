package dev.emporium.payment;

import dev.emporium.platform.persistence.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/** Payment outcomes (counted once committed) and the payment gateway's latency, by operation. */
@ApplicationScoped
public class PaymentMetrics {

    private static final Metadata PAYMENTS = Metadata.builder().withName("emporium.payments")
            .withDescription("Payments by outcome: authorised, declined, refunded").build();
    static final String GATEWAY_NAME = "emporium.payments.gateway";
    private static final Metadata GATEWAY = Metadata.builder().withName(GATEWAY_NAME).withUnit(MetricUnits.SECONDS)
            .withDescription("Time the payment gateway took to answer, by operation: authorize, refund").build();

    @Inject
    MetricRegistry metrics;

    @Inject
    AfterCommit afterCommit;

    /** Each outcome's series exists from 0, so that rate() and increase() see the first payment of a new replica. */
    void register(@Observes Startup startup) {
        List.of("authorised", "declined", "refunded").forEach(outcome -> metrics.counter(PAYMENTS, new Tag("outcome", outcome)));
    }

    void outcome(String outcome) {
        afterCommit.run(() -> metrics.counter(PAYMENTS, new Tag("outcome", outcome)).inc());
    }

    /** Calls the gateway and records how long it took, whether it answered or failed. */
    <T> T timed(String operation, Supplier<T> call) {
        long started = System.nanoTime();
        try {
            return call.get();
        } finally {
            metrics.timer(GATEWAY, new Tag("operation", operation)).update(Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
