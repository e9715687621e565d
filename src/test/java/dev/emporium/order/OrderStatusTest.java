package dev.emporium.order;

import static dev.emporium.order.OrderStatus.CANCELLED;
import static dev.emporium.order.OrderStatus.DELIVERED;
import static dev.emporium.order.OrderStatus.PAYMENT_FAILED;
import static dev.emporium.order.OrderStatus.PENDING;
import static dev.emporium.order.OrderStatus.PROCESSING;
import static dev.emporium.order.OrderStatus.SHIPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every ordered pair of statuses against the lifecycle as the orders issue states it. */
class OrderStatusTest {

    private static final Set<List<OrderStatus>> ALLOWED = Set.of(
            List.of(PENDING, PROCESSING),
            List.of(PROCESSING, SHIPPED),
            List.of(SHIPPED, DELIVERED),
            List.of(PENDING, PAYMENT_FAILED),
            List.of(PENDING, CANCELLED),
            List.of(PROCESSING, CANCELLED));

    @Test
    void exactlyTheLifecycleTransitionsAreAllowed() {
        Set<List<OrderStatus>> allowed = new HashSet<>();
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                if (from.canBecome(to)) {
                    allowed.add(List.of(from, to));
                }
            }
        }
        assertEquals(ALLOWED, allowed);
    }

    @Test
    void onlyPaymentFailureAndCancellationGiveStockBack() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                boolean expected = ALLOWED.contains(List.of(from, to)) && (to == PAYMENT_FAILED || to == CANCELLED);
                assertEquals(expected, from.releasesStock(to), from + " -> " + to);
            }
        }
    }

    @Test
    void finalStatusesGoNowhere() {
        Arrays.asList(DELIVERED, PAYMENT_FAILED, CANCELLED).forEach(s -> assertEquals(Set.of(), s.next()));
    }

    @Test
    void wireNamesAreTheDatabaseValues() {
        assertEquals("payment_failed", PAYMENT_FAILED.wireName());
        assertEquals(PAYMENT_FAILED, OrderStatus.fromWireName("payment_failed"));
        for (OrderStatus status : OrderStatus.values()) {
            assertEquals(status, OrderStatus.fromWireName(status.wireName()));
        }
    }
}
