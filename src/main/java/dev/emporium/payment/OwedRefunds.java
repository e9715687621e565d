package dev.emporium.payment;

import dev.emporium.platform.persistence.PeriodicJobs;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks the gateway again for the refunds still owed: those whose first attempt found the gateway away or lost its
 * answer, or whose replica stopped before asking. Every {@code EMPORIUM_PAYMENT_REFUND_RETRY_INTERVAL} (a minute) the
 * replica that claims the "refunds" lease pays back, oldest first, the refunds owed for at least that long.
 */
@ApplicationScoped
class OwedRefunds {

    private static final int BATCH = 100;

    @Inject
    PeriodicJobs jobs;

    @Inject
    Refunds refunds;

    @Inject
    GatewayAnswers answers;

    @Inject
    @ConfigProperty(name = "emporium.payment.refund-retry-interval", defaultValue = "PT1M")
    Duration interval;

    private ScheduledFuture<?> task;

    void start(@Observes Startup startup) {
        task = jobs.schedule("refunds", interval, this::payBackOwed);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void payBackOwed() {
        // Owed for a whole interval: the attempt right after the cancel has had its chance.
        for (UUID orderId : answers.refundsOwedSince(Instant.now().minus(interval), BATCH)) {
            refunds.payBack(orderId);
        }
    }
}
