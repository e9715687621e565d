package dev.emporium.payment;

/**
 * The gateway gave no answer (unreachable, timed out, the answer lost). Whether it charged is unknown: the caller
 * asks again with the same idempotency key, which charges at most once.
 */
public class PaymentGatewayUnavailable extends RuntimeException {

    public PaymentGatewayUnavailable(String message) {
        super(message);
    }
}
