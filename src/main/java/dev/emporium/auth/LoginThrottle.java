package dev.emporium.auth;

import dev.emporium.platform.error.DomainException;
import dev.emporium.platform.error.ErrorCode;
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
 * Slows password guessing against one account from any number of client addresses, which the per-address rate
 * limit does not see (LoginLockout has the rule). Attempts are counted per e-mail address, for addresses with and
 * without an account alike, so the answers tell nothing about which accounts exist. A client address the account
 * has logged in from before is a known source: its attempts are counted apart, so that guessing from elsewhere,
 * however long it goes on, cannot lock the user out of the places they use. State is kept in PostgreSQL, as hashes
 * of the e-mail (and address), so every replica sees the same counts.
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

    /** How long a client address stays known to an account after its last successful login from there. */
    @Inject
    @ConfigProperty(name = "emporium.auth.login.known-source-for", defaultValue = "P90D")
    Duration knownSourceFor;

    private LoginLockout lockout;

    @PostConstruct
    void configure() {
        lockout = new LoginLockout(freeAttempts, firstLock, maxLock, forgetAfter);
    }

    /** A counted attempt: the key of the count it fell under, and of its source (e-mail and client address). */
    public record Attempt(byte[] counted, byte[] source) {
    }

    /**
     * Counts a login attempt for the e-mail address from the client address, or refuses it with 429 LOGIN_THROTTLED
     * while its count is locked. Commits on its own before the password is checked, so that concurrent guesses are
     * counted one by one and a failed login still counts.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Attempt attempt(String normalisedEmail, String clientAddress) {
        byte[] source = sha256(normalisedEmail + "\n" + clientAddress);
        byte[] key = isKnown(source) ? source : sha256(normalisedEmail);
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
            throw new DomainException(ErrorCode.LOGIN_THROTTLED, "Too many failed logins for this e-mail address; try again"
                    + " after Retry-After", List.of(), decision.refusedFor());
        }
        LoginLockout.State next = decision.next();
        em.createNativeQuery("UPDATE login_attempts SET attempts = ?2, last_attempt_at = ?3, locked_until = ?4"
                        + " WHERE account_key = ?1")
                .setParameter(1, key).setParameter(2, next.attempts())
                .setParameter(3, Timestamp.from(next.lastAttempt()))
                .setParameter(4, next.lockedUntil() == null ? null : Timestamp.from(next.lockedUntil()))
                .executeUpdate();
        return new Attempt(key, source);
    }

    /**
     * A successful login: the count it was made under starts over, and the client address becomes (or stays) a
     * known source of the account. A success from a known source leaves the account's own count alone, so that it
     * does not hand a guesser elsewhere a fresh allowance.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(Attempt attempt) {
        em.createNativeQuery("DELETE FROM login_attempts WHERE account_key = ?1").setParameter(1, attempt.counted())
                .executeUpdate();
        em.createNativeQuery("INSERT INTO login_known_sources (source_key, last_success_at) VALUES (?1, now())"
                        + " ON CONFLICT (source_key) DO UPDATE SET last_success_at = now()")
                .setParameter(1, attempt.source()).executeUpdate();
    }

    /**
     * Deletes counts that have been forgotten anyway and sources not used for a long time, so that guessing at
     * made-up addresses fills no table.
     */
    @Transactional
    public int forgetStale() {
        int counts = em.createNativeQuery("DELETE FROM login_attempts WHERE last_attempt_at < ?1"
                        + " AND (locked_until IS NULL OR locked_until < now())")
                .setParameter(1, Timestamp.from(Instant.now().minus(forgetAfter))).executeUpdate();
        int sources = em.createNativeQuery("DELETE FROM login_known_sources WHERE last_success_at < ?1")
                .setParameter(1, Timestamp.from(Instant.now().minus(knownSourceFor))).executeUpdate();
        return counts + sources;
    }

    /** Whether the account has logged in from this source lately: then its attempts have a count of their own. */
    private boolean isKnown(byte[] source) {
        Number known = (Number) em.createNativeQuery("SELECT count(*) FROM login_known_sources WHERE source_key = ?1"
                        + " AND last_success_at > ?2")
                .setParameter(1, source).setParameter(2, Timestamp.from(Instant.now().minus(knownSourceFor)))
                .getSingleResult();
        return known.intValue() > 0;
    }

    /** A timestamptz column as the native query hands it over (the JDBC driver and Hibernate disagree on the type). */
    private static Instant instant(Object timestamp) {
        if (timestamp == null || timestamp instanceof Instant) {
            return (Instant) timestamp;
        }
        return timestamp instanceof OffsetDateTime offset ? offset.toInstant() : ((Timestamp) timestamp).toInstant();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
