package dev.emporium.order;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as the API shows it. */
@JsonbPropertyOrder({"id", "userId", "orderDate", "totalAmount", "currency", "status", "shippingAddress",
        "trackingNumber", "items", "statusHistory", "attention"})
public record OrderView(UUID id, UUID userId, Instant orderDate, BigDecimal totalAmount, String currency,
                        String status, String shippingAddress, @JsonbNillable String trackingNumber, List<Item> items,
                        List<Change> statusHistory, Attention attention) {

    @JsonbPropertyOrder({"productId", "name", "quantity", "unitPrice", "lineTotal"})
    public record Item(UUID productId, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    @JsonbPropertyOrder({"status", "at", "reason"})
    public record Change(String status, Instant at, @JsonbNillable String reason) {
    }

    /** Why an order waits for an operator; shown to admins only (left out when there is nothing, or for customers). */
    @JsonbPropertyOrder({"reason", "at"})
    public record Attention(String reason, Instant at) {
    }

    public static OrderView of(Order order, boolean forAdmin) {
        Attention attention = forAdmin && order.getAttentionAt() != null
                ? new Attention(order.getAttentionReason(), order.getAttentionAt()) : null;
        return new OrderView(order.getId(), order.getUserId(), order.getOrderDate(), order.getTotalAmount(),
                order.getCurrency(), order.getStatus().wireName(), order.getShippingAddress(), order.getTrackingNumber(),
                order.getItems().stream().map(i -> new Item(i.getProductId(), i.getProductName(), i.getQuantity(),
                        i.getUnitPrice(), i.getLineTotal())).toList(),
                order.getHistory().stream().map(c -> new Change(c.getStatus().wireName(), c.getAt(), c.getReason())).toList(),
                attention);
    }
}
