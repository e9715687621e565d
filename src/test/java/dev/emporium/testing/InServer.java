package dev.emporium.testing;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.concurrent.Callable;

/**
 * For tests that run inside the server: the application's persistence context and a way to run work in a JTA
 * transaction of its own, as a service would.
 */
@ApplicationScoped
public class InServer {

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    public EntityManager em() {
        return em;
    }

    public <T> T inTransaction(Callable<T> work) throws Exception {
        transaction.begin();
        try {
            T result = work.call();
            transaction.commit();
            return result;
        } catch (Exception | Error e) {
            rollbackQuietly();
            throw e;
        }
    }

    /** Runs the work in a transaction that is always rolled back. */
    public <T> T inRolledBackTransaction(Callable<T> work) throws Exception {
        transaction.begin();
        try {
            return work.call();
        } finally {
            transaction.rollback();
        }
    }

    private void rollbackQuietly() {
        try {
            transaction.rollback();
        } catch (Exception ignored) {
            // The transaction may already be gone (a failed commit rolls back); the original failure matters.
        }
    }
}
