package dev.emporium.order;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The order lifecycle, the one place that says which changes are allowed:
 * pending → processing (payment authorised) → shipped → delivered; pending → payment_failed;
 * pending | processing → cancelled. delivered, payment_failed and cancelled are final.
 */
public enum OrderStatus {
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

    /** As the API and the database spell it: lower case, e.g. payment_failed. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrderStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
