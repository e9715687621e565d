package dev.emporium.order;

import dev.emporium.platform.text.WireNamed;
import java.util.EnumSet;
import java.util.Set;

/**
 * The order lifecycle, the one place that says which changes are allowed:
 * pending → processing (payment authorised) → shipped → delivered; pending → payment_failed;
 * pending | processing → cancelled. delivered, payment_failed and cancelled are final.
 */
public enum OrderStatus implements WireNamed {
    PENDING,
    PROCESSING,
    SHIPPED,
    DELIVERED,
    PAYMENT_FAILED,
    CANCELLED;

    /** The statuses this one may change to. */
    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(PROCESSING, PAYMENT_FAILED, CANCELLED);
            case PROCESSING -> EnumSet.of(SHIPPED, CANCELLED);
            case SHIPPED -> EnumSet.of(DELIVERED);
            case DELIVERED, PAYMENT_FAILED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canBecome(OrderStatus target) {
        return next().contains(target);
    }

    /** Whether leaving this status for the target gives the reserved stock back. */
    public boolean releasesStock(OrderStatus target) {
        return canBecome(target) && (target == PAYMENT_FAILED || target == CANCELLED);
    }

    /** The status the API and the database spell this way (payment_failed); IllegalArgumentException if none. */
    public static OrderStatus fromWireName(String name) {
        return WireNamed.find(OrderStatus.class, name)
                .orElseThrow(() -> new IllegalArgumentException("not an order status: " + name));
    }
}
