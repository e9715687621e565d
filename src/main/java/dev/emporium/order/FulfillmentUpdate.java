package dev.emporium.order;

import dev.emporium.platform.text.WireNameOf;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Data of dev.emporium.fulfillment.updated.v1, sent by a warehouse to emporium.fulfillment.updates. */
@JsonbPropertyOrder({"orderId", "status", "trackingNumber"})
public record FulfillmentUpdate(
        @NotNull UUID orderId,
        @NotNull @WireNameOf(value = OrderStatus.class, only = {"SHIPPED", "DELIVERED"}) String status,
        @Size(min = 1, max = 100) String trackingNumber) {

    @JsonbTransient
    @AssertTrue(message = "needs a tracking_number")
    public boolean isShippedWithTracking() {
        return !OrderStatus.SHIPPED.wireName().equals(status) || (trackingNumber != null && !trackingNumber.isBlank());
    }
}
