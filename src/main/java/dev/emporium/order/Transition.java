package dev.emporium.order;

/** A status change an order made: what its history records and its status event tells. */
public record Transition(OrderStatus from, OrderStatus to, String reason) {

    /** Whether the change gives the order's reserved stock back. */
    public boolean releasesStock() {
        return from.releasesStock(to);
    }
}
