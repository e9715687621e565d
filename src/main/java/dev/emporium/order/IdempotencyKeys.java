package dev.emporium.order;

import dev.emporium.platform.error.DomainException;
import dev.emporium.platform.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency-Key for POST /orders, per user, for 24 hours. Claiming inserts the key in the placing transaction; a
 * concurrent request with the same key waits on that row and then sees the finished order. Keys past their window
 * are deleted by {@link ExpiredIdempotencyKeys}.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** How long a key stands for its first request. */
    static final Duration WINDOW = Duration.ofHours(24);

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    /** Empty when the key is new (or expired) and now claimed; the earlier order's id when it was used before. */
    Optional<UUID> claim(UUID userId, String key, PlaceOrderRequest request) {
        byte[] hash = hash(request);
        int claimed = em.createNativeQuery("""
                INSERT INTO order_idempotency_keys (user_id, idempotency_key, request_hash) VALUES (?1, ?2, ?3)
                ON CONFLICT (user_id, idempotency_key) DO UPDATE
                    SET request_hash = EXCLUDED.request_hash, order_id = NULL, created_at = now()
                    WHERE order_idempotency_keys.created_at < now() - interval '%d hours'""".formatted(WINDOW.toHours()))
                .setParameter(1, userId).setParameter(2, key).setParameter(3, hash).executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        Object[] earlier = (Object[]) em.createNativeQuery(
                "SELECT request_hash, order_id FROM order_idempotency_keys WHERE user_id = ?1 AND idempotency_key = ?2")
                .setParameter(1, userId).setParameter(2, key).getSingleResult();
        if (!Arrays.equals((byte[]) earlier[0], hash)) {
            throw new DomainException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used with a different request in the last 24 hours");
        }
        return Optional.of((UUID) earlier[1]);
    }

    void complete(UUID userId, String key, UUID orderId) {
        em.createNativeQuery("UPDATE order_idempotency_keys SET order_id = ?3 WHERE user_id = ?1 AND idempotency_key = ?2")
                .setParameter(1, userId).setParameter(2, key).setParameter(3, orderId).executeUpdate();
    }

    /**
     * The whole request in a canonical form (lines sorted), hashed: the same order asked twice hashes the same, and
     * the same items paid with another token do not. Only the hash is kept, never the token.
     */
    private static byte[] hash(PlaceOrderRequest request) {
        StringBuilder canonical = new StringBuilder(request.shippingAddress().strip()).append('\n')
                .append(request.paymentToken()).append('\n');
        List<PlaceOrderRequest.Line> lines = request.items().stream()
                .sorted(Comparator.comparing(PlaceOrderRequest.Line::productId)).toList();
        lines.forEach(line -> canonical.append(line.productId()).append(':').append(line.quantity()).append('\n'));
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
