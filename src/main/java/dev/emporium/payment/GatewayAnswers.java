package dev.emporium.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Records the gateway's answer to a pending payment, in a transaction of its own once the gateway has answered. */
@ApplicationScoped
class GatewayAnswers {

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Inject
    PaymentMetrics metrics;

    /** The payment's status after the answer; a payment a concurrent delivery answered first keeps that answer. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Payment.Status record(UUID orderId, PaymentGateway.Authorization answer) {
        Payment payment = em.createQuery("select p from Payment p where p.orderId = :order", Payment.class)
                .setParameter("order", orderId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
        if (payment.getStatus() == Payment.Status.PENDING) {
            payment.settle(answer);
            metrics.outcome(answer.approved() ? "authorised" : "declined");
        }
        return payment.getStatus();
    }
}
