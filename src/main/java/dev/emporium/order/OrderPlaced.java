package dev.emporium.order;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.UUID;

/** Answer of POST /orders. */
@JsonbPropertyOrder({"message", "orderId", "status"})
public record OrderPlaced(String message, UUID orderId, String status) {
}
