package dev.emporium.order;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The order domain's message contract (docs/asyncapi): the event types and the data they carry. JmsOrderEvents sends
 * them; OrderProcessingMdb and integration teams read them.
 */
public final class OrderMessages {

    public static final String SOURCE = "/emporium/orders";
    public static final String PLACED_TYPE = "dev.emporium.order.placed.v1";
    public static final String STATUS_TYPE = "dev.emporium.order.status-changed.v1";

    /** Data of dev.emporium.order.placed.v1. */
    @JsonbPropertyOrder({"orderId", "userId", "totalAmount", "currency", "paymentToken"})
    public record Placed(@NotNull UUID orderId, @NotNull UUID userId, @NotNull @PositiveOrZero BigDecimal totalAmount,
                         @NotNull String currency, String paymentToken) {
    }

    private OrderMessages() {
    }

    /** Data of dev.emporium.order.status-changed.v1. */
    @JsonbPropertyOrder({"orderId", "userId", "previousStatus", "status", "reason", "trackingNumber", "at"})
    public record StatusChanged(UUID orderId, UUID userId, String previousStatus, String status, String reason,
                                String trackingNumber, Instant at) {
    }
}
