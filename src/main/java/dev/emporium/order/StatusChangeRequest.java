package dev.emporium.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of PUT /orders/{id}/status. */
public record StatusChangeRequest(
        @NotBlank @Pattern(regexp = "pending|processing|shipped|delivered|payment_failed|cancelled",
                message = "must be one of pending, processing, shipped, delivered, payment_failed, cancelled") String status,
        @Size(max = 100) String trackingNumber,
        @Size(max = 500) String reason) {
}
