package dev.emporium.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * Payments for orders, recorded in the caller's transaction. The caller holds the order's row lock, so charge and
 * refund of one order never run side by side.
 */
@ApplicationScoped
public class Payments {

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Inject
    PaymentGateway gateway;

    @Inject
    PaymentMetrics metrics;

    /** Charges the order once: a second call returns the first outcome without asking the gateway again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Payment charge(UUID orderId, BigDecimal amount, String currency, String paymentToken) {
        Optional<Payment> earlier = of(orderId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Payment payment = new Payment(orderId, amount, currency,
                metrics.timed("authorize", () -> gateway.authorize(orderId, amount, currency, paymentToken)));
        em.persist(payment);
        metrics.outcome(payment.getStatus() == Payment.Status.AUTHORISED ? "authorised" : "declined");
        return payment;
    }

    /** Gives back what was taken for the order, if anything was; true when money went back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean refund(UUID orderId) {
        Optional<Payment> payment = of(orderId).filter(p -> p.getStatus() == Payment.Status.AUTHORISED);
        payment.ifPresent(p -> {
            metrics.timed("refund", () -> {
                gateway.refund(p.getReference(), p.getAmount(), p.getCurrency());
                return null;
            });
            p.refunded();
            metrics.outcome("refunded");
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
