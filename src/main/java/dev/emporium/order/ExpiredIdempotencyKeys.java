package dev.emporium.order;

import dev.emporium.platform.persistence.RetentionSweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Deletes Idempotency-Keys past their window: a key that old is claimed afresh anyway. */
@ApplicationScoped
public class ExpiredIdempotencyKeys implements RetentionSweep {

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Override
    public String name() {
        return "expired Idempotency-Keys";
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteBatch(int limit) {
        return RetentionSweep.deleteOlderThan(em, "order_idempotency_keys", "created_at", IdempotencyKeys.WINDOW, limit);
    }
}
