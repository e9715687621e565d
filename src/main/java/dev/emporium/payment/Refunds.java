package dev.emporium.payment;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Gives back the refunds owed, with no transaction open: first once the transaction that made a refund owed has
 * committed (a rolled-back cancel owes nothing), on a thread of its own so that neither the cancelling request nor
 * the message that cancelled waits on the gateway; then again from {@link OwedRefunds} until the gateway answers.
 * The order id is the idempotency key, so asking again gives back nothing more.
 */
@ApplicationScoped
class Refunds {

    private static final Logger LOG = Logger.getLogger(Refunds.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    PaymentGateway gateway;

    @Inject
    GatewayAnswers answers;

    @Inject
    PaymentMetrics metrics;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) RefundOwed owed) {
        // Lost with the replica if it stops before this runs: the refund stays owed, and OwedRefunds asks again.
        executor.execute(() -> payBack(owed.orderId()));
    }

    /** Asks the gateway for a refund owed and records its answer; one not owed (any more) is left alone. */
    @Transactional(Transactional.TxType.NEVER)
    void payBack(UUID orderId) {
        answers.owedRefund(orderId).ifPresent(payment -> {
            try {
                metrics.timed("refund", () -> {
                    gateway.refund(orderId, payment.getReference(), payment.getAmount(), payment.getCurrency());
                    return null;
                });
            } catch (PaymentGatewayUnavailable e) {
                LOG.warning(() -> "Refund for order " + orderId + " not answered (" + e.getMessage()
                        + "); it stays owed and is asked again");
                return;
            }
            answers.recordRefund(orderId);
        });
    }
}
