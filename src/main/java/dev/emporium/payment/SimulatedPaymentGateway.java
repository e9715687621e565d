package dev.emporium.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The default gateway, for development and tests: approves after EMPORIUM_PAYMENT_LATENCY unless the token is
 * tok_declined (always declined) or the amount exceeds EMPORIUM_PAYMENT_LIMIT. Charges go to the simulated
 * provider's ledger under the order id, so asking again answers as the first time and charges nothing more.
 *
 * <p>Test tokens provoke the provider's failures, as real providers' test cards do: tok_unavailable_once (the first
 * request for an order, in this process, fails before the provider charges), tok_answer_lost_once (the provider
 * charges, and the first answer is lost on the way back), tok_slow (the answer takes three seconds),
 * tok_slow_answer_lost_once (both: three seconds, then the charge's first answer is lost) and
 * tok_refund_answer_lost_once (approved; the provider gives the money back, and the answer to the first request to
 * do so is lost).
 */
@ApplicationScoped
public class SimulatedPaymentGateway implements PaymentGateway {

    public static final String DECLINED_TOKEN = "tok_declined";
    public static final String UNAVAILABLE_ONCE_TOKEN = "tok_unavailable_once";
    public static final String ANSWER_LOST_ONCE_TOKEN = "tok_answer_lost_once";
    public static final String SLOW_TOKEN = "tok_slow";
    public static final String SLOW_ANSWER_LOST_ONCE_TOKEN = "tok_slow_answer_lost_once";
    public static final String REFUND_ANSWER_LOST_ONCE_TOKEN = "tok_refund_answer_lost_once";
    static final Duration SLOW_ANSWER = Duration.ofSeconds(3);

    @Inject
    @ConfigProperty(name = "emporium.payment.latency", defaultValue = "PT0S")
    Duration latency;

    @Inject
    @ConfigProperty(name = "emporium.payment.limit", defaultValue = "100000")
    BigDecimal limit;

    @Inject
    SimulatedProviderLedger ledger;

    private final Set<UUID> failedOnce = ConcurrentHashMap.newKeySet();
    private final Set<UUID> refundAnswerLostOnce = ConcurrentHashMap.newKeySet();

    @Override
    public Authorization authorize(UUID orderId, BigDecimal amount, String currency, String paymentToken) {
        boolean slow = SLOW_TOKEN.equals(paymentToken) || SLOW_ANSWER_LOST_ONCE_TOKEN.equals(paymentToken);
        waitLikeAProvider(slow ? SLOW_ANSWER : latency);
        if (UNAVAILABLE_ONCE_TOKEN.equals(paymentToken) && failedOnce.add(orderId)) {
            throw new PaymentGatewayUnavailable("the simulated provider did not answer (before charging)");
        }
        if (REFUND_ANSWER_LOST_ONCE_TOKEN.equals(paymentToken)) {
            refundAnswerLostOnce.add(orderId);
        }
        Authorization answer = ledger.charge(orderId, amount, currency, decide(amount, paymentToken));
        boolean answerLostOnce = ANSWER_LOST_ONCE_TOKEN.equals(paymentToken) || SLOW_ANSWER_LOST_ONCE_TOKEN.equals(paymentToken);
        if (answerLostOnce && failedOnce.add(orderId)) {
            throw new PaymentGatewayUnavailable("the simulated provider's answer was lost (after charging)");
        }
        return answer;
    }

    @Override
    public void refund(UUID orderId, String reference, BigDecimal amount, String currency) {
        waitLikeAProvider(latency);
        ledger.refund(orderId);
        if (refundAnswerLostOnce.remove(orderId)) {
            throw new PaymentGatewayUnavailable("the simulated provider's answer to the refund was lost (after giving back)");
        }
    }

    private Authorization decide(BigDecimal amount, String paymentToken) {
        if (DECLINED_TOKEN.equals(paymentToken)) {
            return new Authorization(false, null, "card declined");
        }
        if (amount.compareTo(limit) > 0) {
            return new Authorization(false, null, "amount over the limit");
        }
        return new Authorization(true, "sim-" + UUID.randomUUID(), null);
    }

    private static void waitLikeAProvider(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentGatewayUnavailable("interrupted while talking to the payment provider");
        }
    }
}
