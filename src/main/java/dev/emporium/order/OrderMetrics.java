package dev.emporium.order;

import dev.emporium.platform.persistence.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The order figures ops watch (docs/operations.md, "Metrics"): placements by outcome, Idempotency-Key replays and
 * status transitions. Labels take only values from closed sets (outcomes, statuses), never an order or user id.
 */
@ApplicationScoped
public class OrderMetrics {

    /** How a request to place an order ended. */
    public enum Placed {
        ACCEPTED, OUT_OF_STOCK, REJECTED;

        String label() {
            return name().toLowerCase();
        }
    }

    private static final Metadata PLACED = Metadata.builder().withName("emporium.orders.placed")
            .withDescription("Requests to place an order, by outcome: accepted, out_of_stock, rejected (any other refusal)").build();
    private static final Metadata REPLAYED = Metadata.builder().withName("emporium.orders.idempotent.replays")
            .withDescription("Order placements answered from an earlier request with the same Idempotency-Key").build();
    private static final Metadata TRANSITIONS = Metadata.builder().withName("emporium.orders.transitions")
            .withDescription("Order status changes, by from and to status (from=none for a new order)").build();

    @Inject
    MetricRegistry metrics;

    @Inject
    AfterCommit afterCommit;

    /** The outcome series exist from 0, so that rate() and increase() see the first order of a new replica. */
    void register(@Observes Startup startup) {
        for (Placed outcome : Placed.values()) {
            metrics.counter(PLACED, new Tag("outcome", outcome.label()));
        }
        metrics.counter(REPLAYED);
    }

    public void placed(Placed outcome) {
        metrics.counter(PLACED, new Tag("outcome", outcome.label())).inc();
    }

    public void replayed() {
        metrics.counter(REPLAYED).inc();
    }

    /** Counts the change once the transaction making it commits: a change rolled back never happened. */
    public void transition(OrderStatus from, OrderStatus to) {
        afterCommit.run(() -> metrics.counter(TRANSITIONS, new Tag("from", from == null ? "none" : from.wireName()),
                new Tag("to", to.wireName())).inc());
    }
}
