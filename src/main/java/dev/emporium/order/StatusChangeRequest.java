package dev.emporium.order;

import dev.emporium.platform.text.WireNameOf;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of PUT /orders/{id}/status. */
public record StatusChangeRequest(
        @NotBlank @WireNameOf(OrderStatus.class) String status,
        @Size(max = 100) String trackingNumber,
        @Size(max = 500) String reason) {
}
