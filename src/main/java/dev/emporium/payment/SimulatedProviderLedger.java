package dev.emporium.payment;

import dev.emporium.payment.PaymentGateway.Authorization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The simulated provider's books (table simulated_provider_charges): one charge per idempotency key. Written in
 * transactions of their own, because a provider's books do not roll back with ours.
 */
@ApplicationScoped
class SimulatedProviderLedger {

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    /** Books the charge under its key unless one was booked; either way answers what was booked first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Authorization charge(UUID key, BigDecimal amount, String currency, Authorization answer) {
        Object[] booked = (Object[]) em.createNativeQuery("INSERT INTO simulated_provider_charges"
                        + " (idempotency_key, approved, reference, reason, amount, currency)"
                        + " VALUES (?1, ?2, NULLIF(?3, ''), NULLIF(?4, ''), ?5, ?6) ON CONFLICT (idempotency_key)"
                        + " DO UPDATE SET requests = simulated_provider_charges.requests + 1"
                        + " RETURNING approved, reference, reason")
                .setParameter(1, key).setParameter(2, answer.approved())
                .setParameter(3, answer.reference() == null ? "" : answer.reference())
                .setParameter(4, answer.reason() == null ? "" : answer.reason())
                .setParameter(5, amount).setParameter(6, currency)
                .getSingleResult();
        return new Authorization((Boolean) booked[0], (String) booked[1], (String) booked[2]);
    }

    /** Marks the key's charge given back and counts the request; asked again, it stays given back once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void refund(UUID key) {
        em.createNativeQuery("UPDATE simulated_provider_charges SET refunded_at = coalesce(refunded_at, now()),"
                + " refund_requests = refund_requests + 1 WHERE idempotency_key = ?1 AND approved")
                .setParameter(1, key).executeUpdate();
    }
}
