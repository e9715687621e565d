package dev.emporium.notification;

import dev.emporium.platform.text.WireNamed;
import dev.emporium.platform.text.WireNameOf;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Data of dev.emporium.notification.requested.v1: everything the e-mail says, so that sending it needs nothing but
 * the recipient's current address.
 */
@JsonbPropertyOrder({"template", "userId", "orderId", "totalAmount", "currency", "trackingNumber", "reason"})
public record NotificationRequest(
        @NotNull @WireNameOf(NotificationTemplate.class) String template,
        @NotNull UUID userId,
        @NotNull UUID orderId,
        @NotNull BigDecimal totalAmount,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        String trackingNumber,
        String reason) {

    public NotificationTemplate templateValue() {
        return WireNamed.find(NotificationTemplate.class, template).orElseThrow();
    }
}
