package dev.emporium.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * Payments for orders, taken in three steps so that no transaction waits on the gateway: the attempt is recorded
 * (pending, in the caller's transaction), the gateway is asked with no transaction open and the order id as its
 * idempotency key, and its answer is recorded in the transaction that settles the order. A crash between any two
 * steps leaves a pending payment that the redelivered message takes up again; asking the gateway a second time
 * charges nothing more.
 * Refunds go the same way: the cancelling transaction records the refund as owed (refund_pending), and the gateway is
 * asked once it has committed ({@link Refunds}), again by {@link OwedRefunds} until it has answered.
 */
@ApplicationScoped
public class Payments {

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Inject
    PaymentGateway gateway;

    @Inject
    GatewayAnswers answers;

    @Inject
    PaymentMetrics metrics;

    @Inject
    Event<RefundOwed> refundOwed;

    /** Step 1: the payment the order is about to be charged, recorded as pending unless an earlier delivery did. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Payment begin(UUID orderId, BigDecimal amount, String currency) {
        // A concurrent duplicate delivery inserts nothing and finds the same pending payment.
        em.createNativeQuery("INSERT INTO payments (order_id, status, amount, currency) VALUES (?1, 'pending', ?2, ?3)"
                        + " ON CONFLICT (order_id) DO NOTHING")
                .setParameter(1, orderId).setParameter(2, amount).setParameter(3, currency).executeUpdate();
        return of(orderId).orElseThrow();
    }

    /**
     * Step 2: asks the gateway for a pending payment, with the order id as its idempotency key. Refuses to run inside
     * a transaction, which would hold its connection (and whatever rows it locked) for as long as the gateway takes.
     * Throws PaymentGatewayUnavailable when the gateway did not answer.
     */
    @Transactional(Transactional.TxType.NEVER)
    public PaymentGateway.Authorization ask(Payment payment, String paymentToken) {
        if (payment.getStatus() != Payment.Status.PENDING) {
            throw new IllegalStateException("payment " + payment.getId() + " is " + payment.getStatus() + ", not pending");
        }
        return metrics.timed("authorize",
                () -> gateway.authorize(payment.getOrderId(), payment.getAmount(), payment.getCurrency(), paymentToken));
    }

    /**
     * Step 3: records the gateway's answer, in the caller's transaction (the one that settles the order), and returns
     * the payment as it then stands; one answered first by a concurrent delivery keeps that answer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Payment record(UUID orderId, PaymentGateway.Authorization answer) {
        return answers.record(orderId, answer);
    }

    /**
     * Records that what was taken for the order is owed back, in the caller's transaction (the one that cancels the
     * order); the gateway is asked after it commits. True when money had been taken.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean oweRefund(UUID orderId) {
        Optional<Payment> payment = of(orderId).filter(p -> p.getStatus() == Payment.Status.AUTHORISED);
        payment.ifPresent(p -> {
            p.oweRefund();
            refundOwed.fire(new RefundOwed(orderId));
        });
        return payment.isPresent();
    }

    /** Whether money was taken for the order and not given back yet. */
    public boolean isRefundable(UUID orderId) {
        return of(orderId).filter(p -> p.getStatus() == Payment.Status.AUTHORISED).isPresent();
    }

    public Optional<Payment> of(UUID orderId) {
        return em.createQuery("select p from Payment p where p.orderId = :order", Payment.class)
                .setParameter("order", orderId).getResultStream().findFirst();
    }
}
