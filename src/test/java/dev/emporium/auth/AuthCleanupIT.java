package dev.emporium.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Deployments;
import dev.emporium.testing.InServer;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scheduled clean-up deletes expired refresh tokens and forgotten login attempt counts, and leaves live ones.
 */
@ExtendWith(ArquillianExtension.class)
class AuthCleanupIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inServer();
    }

    @Inject
    InServer server;

    @Inject
    AuthCleanup cleanup;

    @Inject
    LoginThrottle loginThrottle;

    @Test
    void expiredTokensAreDeletedLiveOnesKept() throws Exception {
        String name = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        UUID user = server.inTransaction(() -> (UUID) server.em().createNativeQuery(
                "INSERT INTO users (username, email, password_hash) VALUES (?1, ?2, 'x') RETURNING id")
                .setParameter(1, name).setParameter(2, name + "@example.com").getSingleResult());
        server.inTransaction(() -> server.em().createNativeQuery("""
                INSERT INTO refresh_tokens (user_id, family_id, token_hash, issued_at, expires_at) VALUES
                  (?1, gen_random_uuid(), sha256(convert_to(CAST(gen_random_uuid() AS text), 'UTF8')),
                   now() - interval '20 days', now() - interval '6 days'),
                  (?1, gen_random_uuid(), sha256(convert_to(CAST(gen_random_uuid() AS text), 'UTF8')),
                   now(), now() + interval '14 days')""")
                .setParameter(1, user).executeUpdate());

        int removed = cleanup.deleteExpired();

        assertTrue(removed >= 1);
        Number left = server.inTransaction(() -> (Number) server.em().createNativeQuery(
                "SELECT count(*) FROM refresh_tokens WHERE user_id = ?1 AND expires_at > now()")
                .setParameter(1, user).getSingleResult());
        Number expired = server.inTransaction(() -> (Number) server.em().createNativeQuery(
                "SELECT count(*) FROM refresh_tokens WHERE user_id = ?1 AND expires_at <= now()")
                .setParameter(1, user).getSingleResult());
        assertEquals(1, left.intValue(), "the live token stays");
        assertEquals(0, expired.intValue(), "the expired token is gone");
    }

    @Test
    void forgottenLoginAttemptCountsAndSourcesAreDeletedCurrentOnesKept() throws Exception {
        byte[] stale = UUID.randomUUID().toString().getBytes();
        byte[] current = UUID.randomUUID().toString().getBytes();
        byte[] locked = UUID.randomUUID().toString().getBytes();
        server.inTransaction(() -> server.em().createNativeQuery("""
                INSERT INTO login_attempts (account_key, attempts, last_attempt_at, locked_until) VALUES
                  (?1, 3, now() - interval '2 hours', NULL),
                  (?2, 3, now(), NULL),
                  (?3, 9, now() - interval '2 hours', now() + interval '1 minute')""")
                .setParameter(1, stale).setParameter(2, current).setParameter(3, locked).executeUpdate());

        byte[] oldSource = UUID.randomUUID().toString().getBytes();
        byte[] recentSource = UUID.randomUUID().toString().getBytes();
        server.inTransaction(() -> server.em().createNativeQuery("""
                INSERT INTO login_known_sources (source_key, last_success_at) VALUES
                  (?1, now() - interval '100 days'), (?2, now() - interval '10 days')""")
                .setParameter(1, oldSource).setParameter(2, recentSource).executeUpdate());

        assertTrue(loginThrottle.forgetStale() >= 2);

        for (Object[] key : new Object[][] {{stale, 0}, {current, 1}, {locked, 1}}) {
            Number left = server.inTransaction(() -> (Number) server.em().createNativeQuery(
                    "SELECT count(*) FROM login_attempts WHERE account_key = ?1").setParameter(1, key[0]).getSingleResult());
            assertEquals(key[1], left.intValue());
        }
        for (Object[] key : new Object[][] {{oldSource, 0}, {recentSource, 1}}) {
            Number left = server.inTransaction(() -> (Number) server.em().createNativeQuery(
                    "SELECT count(*) FROM login_known_sources WHERE source_key = ?1").setParameter(1, key[0]).getSingleResult());
            assertEquals(key[1], left.intValue(), "login sources are forgotten after 90 days unused");
        }
    }
}
