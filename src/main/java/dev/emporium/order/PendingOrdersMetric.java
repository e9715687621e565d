package dev.emporium.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * emporium_orders_pending_oldest_seconds: how long the oldest order still pending has waited for its payment step,
 * 0 when none waits. Read from the database at each scrape (orders_status_date_idx makes it one index probe), so every
 * replica reports the same figure and the alert takes the max.
 */
@ApplicationScoped
public class PendingOrdersMetric {

    private static final Logger LOG = Logger.getLogger(PendingOrdersMetric.class.getName());
    private static final Metadata OLDEST = Metadata.builder().withName("emporium.orders.pending.oldest")
            .withUnit(MetricUnits.SECONDS)
            .withDescription("Age of the oldest order still pending (waiting for its payment step); 0 when none").build();

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Inject
    MetricRegistry metrics;

    void register(@Observes Startup startup) {
        metrics.gauge(OLDEST, this, PendingOrdersMetric::oldestPendingSeconds);
    }

    double oldestPendingSeconds() {
        try {
            Instant oldest = em.createQuery("select min(o.orderDate) from Order o where o.status = :pending", Instant.class)
                    .setParameter("pending", OrderStatus.PENDING.wireName())
                    .getSingleResult();
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
        } catch (PersistenceException e) {
            // The database out of reach: readiness reports it; a scrape must not fail for it.
            LOG.log(Level.FINE, "Oldest pending order not read", e);
            return Double.NaN;
        }
    }
}
