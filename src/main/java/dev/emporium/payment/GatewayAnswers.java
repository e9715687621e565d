package dev.emporium.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the gateway answered, recorded after its calls: to a pending payment in the transaction that settles the order,
 * to a refund owed (and what is owed before asking) in short transactions of their own. The gateway is never asked
 * inside one of them.
 */
@ApplicationScoped
class GatewayAnswers {

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Inject
    PaymentMetrics metrics;

    /**
     * The payment after the answer, recorded in the caller's transaction (the order's settlement, so that the answer
     * and the order's move commit together); a payment a concurrent delivery answered first keeps that answer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Payment record(UUID orderId, PaymentGateway.Authorization answer) {
        Payment payment = locked(orderId);
        if (payment.getStatus() == Payment.Status.PENDING) {
            payment.settle(answer);
            metrics.outcome(answer.approved() ? "authorised" : "declined");
        }
        return payment;
    }

    /** The gateway gave back a refund owed; one that a concurrent attempt recorded first stays as it is. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void recordRefund(UUID orderId) {
        Payment payment = locked(orderId);
        if (payment.getStatus() == Payment.Status.REFUND_PENDING) {
            payment.refunded();
            metrics.outcome("refunded");
        }
    }

    /** The payment of the order if a refund is owed for it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<Payment> owedRefund(UUID orderId) {
        return em.createQuery("select p from Payment p where p.orderId = :order and p.status = :owed", Payment.class)
                .setParameter("order", orderId).setParameter("owed", Payment.Status.REFUND_PENDING)
                .getResultStream().findFirst();
    }

    /** The orders whose refunds have been owed since before the given time, oldest first, at most the limit. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<UUID> refundsOwedSince(Instant before, int limit) {
        return em.createQuery("select p.orderId from Payment p where p.status = :owed and p.updatedAt < :before"
                        + " order by p.updatedAt", UUID.class)
                .setParameter("owed", Payment.Status.REFUND_PENDING).setParameter("before", before)
                .setMaxResults(limit).getResultList();
    }

    private Payment locked(UUID orderId) {
        return em.createQuery("select p from Payment p where p.orderId = :order", Payment.class)
                .setParameter("order", orderId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
    }
}
