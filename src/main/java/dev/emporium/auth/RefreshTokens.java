package dev.emporium.auth;

import dev.emporium.user.AccountDeactivated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Opaque refresh tokens: 256 random bits, stored only as SHA-256 hashes, single use, grouped in families. */
@ApplicationScoped
public class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "emporium.auth.refresh-token-lifetime", defaultValue = "P14D")
    Duration lifetime;

    public Duration lifetime() {
        return lifetime;
    }

    /** A new token for the user in the given family; returns the value to hand to the client (shown once). */
    public String issue(UUID userId, UUID familyId) {
        byte[] value = new byte[32];
        RANDOM.nextBytes(value);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(value);
        Instant now = Instant.now();
        em.persist(new RefreshToken(userId, familyId, hash(token), now, now.plus(lifetime)));
        return token;
    }

    /** The stored token for this value, locked for the rest of the transaction so that a race cannot spend it twice. */
    public Optional<RefreshToken> findForUpdate(String token) {
        return em.createQuery("select t from RefreshToken t where t.tokenHash = :hash", RefreshToken.class)
                .setParameter("hash", hash(token))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    public void revokeFamily(UUID familyId) {
        em.createQuery("update RefreshToken t set t.revokedAt = :now where t.familyId = :family and t.revokedAt is null")
                .setParameter("now", Instant.now())
                .setParameter("family", familyId)
                .executeUpdate();
    }

    /**
     * A deactivated account's sessions end with it. A synchronous observer, so the tokens are revoked in the
     * transaction that deactivates the account: both happen or neither.
     */
    void endSessionsOf(@Observes AccountDeactivated deactivation) {
        revokeAllOf(deactivation.userId());
    }

    public void revokeAllOf(UUID userId) {
        em.createQuery("update RefreshToken t set t.revokedAt = :now where t.userId = :user and t.revokedAt is null")
                .setParameter("now", Instant.now())
                .setParameter("user", userId)
                .executeUpdate();
    }

    /** Removes tokens that expired before the given instant; returns how many. */
    public int deleteExpiredBefore(Instant instant) {
        return em.createQuery("delete from RefreshToken t where t.expiresAt < :instant")
                .setParameter("instant", instant)
                .executeUpdate();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
