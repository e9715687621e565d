package dev.emporium.payment;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Takes and gives back payment for an order. A real provider plugs in here (e.g. through a MicroProfile Rest
 * Client). The order id is the provider's idempotency key: asking twice for one order (a redelivery after a crash
 * or a lost answer) charges once and answers as the first time, and a refund asked twice gives back once.
 */
public interface PaymentGateway {

    /** Charges the order, or declines; throws when no answer came (the caller asks again later, with the same key). */
    Authorization authorize(UUID orderId, BigDecimal amount, String currency, String paymentToken);

    /** Gives an authorised amount back; a failure throws, so that the caller's transaction rolls back and retries. */
    void refund(UUID orderId, String reference, BigDecimal amount, String currency);

    /** The gateway's answer: approved with a reference, or declined with a reason. */
    record Authorization(boolean approved, String reference, String reason) {
    }
}
