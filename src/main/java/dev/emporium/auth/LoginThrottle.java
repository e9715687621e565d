package dev.emporium.auth;

import dev.emporium.web.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing against one account from any number of addresses, which the per-address rate limit does
 * not see (LoginLockout has the rule). State is kept in PostgreSQL, per hash of the normalised e-mail, for addresses
 * with and without an account alike, so the answers tell nothing about which accounts exist; every replica sees the
 * same count. The lock is short (5 minutes at most), and a user who is signed in keeps working through refresh
 * tokens while someone guesses at their password.
 */
@ApplicationScoped
public class LoginThrottle {

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "emporium.auth.login.free-attempts", defaultValue = "5")
    int freeAttempts;

    @Inject
    @ConfigProperty(name = "emporium.auth.login.first-lock", defaultValue = "PT15S")
    Duration firstLock;

    @Inject
    @ConfigProperty(name = "emporium.auth.login.max-lock", defaultValue = "PT5M")
    Duration maxLock;

    @Inject
    @ConfigProperty(name = "emporium.auth.login.forget-after", defaultValue = "PT15M")
    Duration forgetAfter;

    private LoginLockout lockout;

    @PostConstruct
    void configure() {
        lockout = new LoginLockout(freeAttempts, firstLock, maxLock, forgetAfter);
    }

    /**
     * Counts a login attempt for the address, or refuses it with 429 LOGIN_THROTTLED while the address is locked.
     * Commits on its own before the password is checked, so that concurrent guesses are counted one by one and a
     * failed login still counts.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void attempt(String normalisedEmail) {
        byte[] key = key(normalisedEmail);
        // A row with no attempts yet, so that there is a row to lock: concurrent attempts are counted one by one.
        em.createNativeQuery("INSERT INTO login_attempts (account_key, attempts, last_attempt_at) VALUES (?1, 0, now())"
                + " ON CONFLICT DO NOTHING").setParameter(1, key).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("SELECT attempts, last_attempt_at, locked_until FROM login_attempts"
                + " WHERE account_key = ?1 FOR UPDATE").setParameter(1, key).getSingleResult();
        int attempts = ((Number) row[0]).intValue();
        LoginLockout.State state = attempts == 0 ? LoginLockout.State.NONE
                : new LoginLockout.State(attempts, instant(row[1]), instant(row[2]));
        LoginLockout.Decision decision = lockout.attempt(state, Instant.now());
        if (decision.refused()) {
            throw new ApiException(429, "LOGIN_THROTTLED", "Too many failed logins for this e-mail address; try again"
                    + " after Retry-After", List.of(), decision.refusedFor());
        }
        LoginLockout.State next = decision.next();
        em.createNativeQuery("UPDATE login_attempts SET attempts = ?2, last_attempt_at = ?3, locked_until = ?4"
                        + " WHERE account_key = ?1")
                .setParameter(1, key).setParameter(2, next.attempts())
                .setParameter(3, Timestamp.from(next.lastAttempt()))
                .setParameter(4, next.lockedUntil() == null ? null : Timestamp.from(next.lockedUntil()))
                .executeUpdate();
    }

    /** A successful login: the address's count starts over. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(String normalisedEmail) {
        em.createNativeQuery("DELETE FROM login_attempts WHERE account_key = ?1").setParameter(1, key(normalisedEmail))
                .executeUpdate();
    }

    /** Deletes counts that have been forgotten anyway, so that guessing at made-up addresses fills no table. */
    @Transactional
    public int forgetStale() {
        return em.createNativeQuery("DELETE FROM login_attempts WHERE last_attempt_at < ?1"
                        + " AND (locked_until IS NULL OR locked_until < now())")
                .setParameter(1, Timestamp.from(Instant.now().minus(forgetAfter))).executeUpdate();
    }

    /** A timestamptz column as the native query hands it over (the JDBC driver and Hibernate disagree on the type). */
    private static Instant instant(Object timestamp) {
        if (timestamp == null || timestamp instanceof Instant) {
            return (Instant) timestamp;
        }
        return timestamp instanceof OffsetDateTime offset ? offset.toInstant() : ((Timestamp) timestamp).toInstant();
    }

    private static byte[] key(String normalisedEmail) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(normalisedEmail.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
