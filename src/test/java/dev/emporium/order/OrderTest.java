package dev.emporium.order;

import static dev.emporium.order.OrderStatus.CANCELLED;
import static dev.emporium.order.OrderStatus.DELIVERED;
import static dev.emporium.order.OrderStatus.PAYMENT_FAILED;
import static dev.emporium.order.OrderStatus.PENDING;
import static dev.emporium.order.OrderStatus.PROCESSING;
import static dev.emporium.order.OrderStatus.SHIPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.platform.error.ErrorCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order entity guarding its own lifecycle and arithmetic, without a container. */
class OrderTest {

    /** A legal way from a new order to each status. */
    private static final Map<OrderStatus, List<OrderStatus>> PATH = Map.of(
            PENDING, List.of(),
            PROCESSING, List.of(PROCESSING),
            SHIPPED, List.of(PROCESSING, SHIPPED),
            DELIVERED, List.of(PROCESSING, SHIPPED, DELIVERED),
            PAYMENT_FAILED, List.of(PAYMENT_FAILED),
            CANCELLED, List.of(CANCELLED));

    private static Order orderIn(OrderStatus status) {
        Order order = new Order(UUID.randomUUID(), "EUR", "1 Main Street");
        PATH.get(status).forEach(step -> order.moveTo(step, "on the way to " + status));
        assertEquals(status, order.getStatus());
        return order;
    }

    @Test
    void everyPairOfStatusesMovesOrIsRefusedAsTheLifecycleSays() {
        int moved = 0;
        int refused = 0;
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                Order order = orderIn(from);
                int history = order.getHistory().size();
                if (from.canBecome(to)) {
                    Transition transition = order.moveTo(to, "test");
                    assertEquals(new Transition(from, to, "test"), transition);
                    assertEquals(to, order.getStatus());
                    assertEquals(history + 1, order.getHistory().size(), "the move is recorded");
                    assertEquals(to, order.getHistory().get(history).getStatus());
                    assertEquals(to == PAYMENT_FAILED || to == CANCELLED, transition.releasesStock(), from + " -> " + to);
                    moved++;
                } else {
                    IllegalTransition e = assertThrows(IllegalTransition.class, () -> order.moveTo(to, "test"), from + " -> " + to);
                    assertEquals(ErrorCode.ILLEGAL_TRANSITION, e.code());
                    assertEquals(from, e.from());
                    assertEquals(to, e.to());
                    assertEquals("status", e.details().get(0).field());
                    assertEquals(from, order.getStatus(), "a refused move changes nothing");
                    assertEquals(history, order.getHistory().size());
                    refused++;
                }
            }
        }
        assertEquals(6, moved);
        assertEquals(30, refused);
    }

    @Test
    void onlyAPendingOrderAwaitsPayment() {
        for (OrderStatus status : OrderStatus.values()) {
            assertEquals(status == PENDING, orderIn(status).awaitsPayment(), status.wireName());
        }
    }

    @Test
    void theTotalIsTheSumOfQuantityTimesUnitPrice() {
        Order order = new Order(UUID.randomUUID(), "EUR", "1 Main Street");
        order.add(new OrderItem(order, UUID.randomUUID(), "Lamp", 3, new BigDecimal("19.99")));
        order.add(new OrderItem(order, UUID.randomUUID(), "Chair", 1, new BigDecimal("120.00")));
        order.add(new OrderItem(order, UUID.randomUUID(), "Screw", 1000, new BigDecimal("0.01")));
        assertEquals(0, new BigDecimal("59.97").compareTo(order.getItems().get(0).getLineTotal()));
        assertEquals(0, new BigDecimal("189.97").compareTo(order.getTotalAmount()), order.getTotalAmount().toPlainString());
        assertEquals(3, order.getItems().size());
    }

    @Test
    void itemsAndHistoryAreReadOnlyFromOutside() {
        Order order = orderIn(PROCESSING);
        OrderItem item = new OrderItem(order, UUID.randomUUID(), "Lamp", 1, BigDecimal.ONE);
        assertThrows(UnsupportedOperationException.class, () -> order.getItems().add(item));
        assertThrows(UnsupportedOperationException.class, () -> order.getHistory().clear());
        assertFalse(order.getHistory().isEmpty());
        assertTrue(order.getItems().isEmpty());
    }
}
