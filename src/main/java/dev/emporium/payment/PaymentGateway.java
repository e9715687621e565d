package dev.emporium.payment;

import java.math.BigDecimal;
import java.util.UUID;

/** Takes payment for an order. A real provider plugs in here (e.g. through a MicroProfile Rest Client). */
public interface PaymentGateway {

    Authorization authorize(UUID orderId, BigDecimal amount, String currency, String paymentToken);

    /** The gateway's answer: approved with a reference, or declined with a reason. */
    record Authorization(boolean approved, String reference, String reason) {
    }
}
