package dev.emporium.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The default gateway, for development and tests: approves after EMPORIUM_PAYMENT_LATENCY unless the token is
 * tok_declined (always declined) or the amount exceeds EMPORIUM_PAYMENT_LIMIT. Refunds always succeed.
 */
@ApplicationScoped
public class SimulatedPaymentGateway implements PaymentGateway {

    public static final String DECLINED_TOKEN = "tok_declined";

    @Inject
    @ConfigProperty(name = "emporium.payment.latency", defaultValue = "PT0S")
    Duration latency;

    @Inject
    @ConfigProperty(name = "emporium.payment.limit", defaultValue = "100000")
    BigDecimal limit;

    @Override
    public Authorization authorize(UUID orderId, BigDecimal amount, String currency, String paymentToken) {
        waitLikeAProvider();
        if (DECLINED_TOKEN.equals(paymentToken)) {
            return new Authorization(false, null, "card declined");
        }
        if (amount.compareTo(limit) > 0) {
            return new Authorization(false, null, "amount over the limit");
        }
        return new Authorization(true, "sim-" + orderId, null);
    }

    @Override
    public void refund(String reference, BigDecimal amount, String currency) {
        waitLikeAProvider();
    }

    private void waitLikeAProvider() {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to the payment provider", e);
        }
    }
}
