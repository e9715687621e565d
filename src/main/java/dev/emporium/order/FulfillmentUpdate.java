package dev.emporium.order;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Data of dev.emporium.fulfillment.updated.v1, sent by a warehouse to emporium.fulfillment.updates. */
@JsonbPropertyOrder({"orderId", "status", "trackingNumber"})
public record FulfillmentUpdate(
        @NotNull UUID orderId,
        @NotNull @Pattern(regexp = "shipped|delivered", message = "must be shipped or delivered") String status,
        @Size(min = 1, max = 100) String trackingNumber) {

    @JsonbTransient
    @AssertTrue(message = "needs a tracking_number")
    public boolean isShippedWithTracking() {
        return !"shipped".equals(status) || (trackingNumber != null && !trackingNumber.isBlank());
    }
}
