package dev.emporium.catalog;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.UUID;

/** Answer of POST /products. */
@JsonbPropertyOrder({"message", "productId"})
public record ProductCreated(String message, UUID productId) {
}
