package dev.emporium.payment;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Takes and gives back payment for an order. A real provider plugs in here (e.g. through a MicroProfile Rest
 * Client); the order id doubles as the provider's idempotency key, so asking twice for one order charges once.
 */
public interface PaymentGateway {

    Authorization authorize(UUID orderId, BigDecimal amount, String currency, String paymentToken);

    /** Gives an authorised amount back; a failure throws, so that the caller's transaction rolls back and retries. */
    void refund(String reference, BigDecimal amount, String currency);

    /** The gateway's answer: approved with a reference, or declined with a reason. */
    record Authorization(boolean approved, String reference, String reason) {
    }
}
