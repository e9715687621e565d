package dev.emporium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Database;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tables that only need their recent rows stop growing: the server's housekeeping (every 2 s here, batches of
 * 50) deletes Idempotency-Keys past their 24 h and processed-message records past their 7 days, keeps the rest, and
 * runs only while it holds the lease that keeps other replicas out. The deletes walk the tables' time indexes.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

    private static final Duration SWEPT = Duration.ofSeconds(30);
    private static final Path LOG = Path.of(System.getProperty("emporium.basedir", "."),
            "target/liberty/wlp/usr/servers/emporium-it/logs/messages.log");
    private static final String CONSUMER = "retention-it-" + UUID.randomUUID().toString().substring(0, 8);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @AfterEach
    void releaseTheLease() {
        Database.update("DELETE FROM maintenance_leases WHERE holder = 'another-replica'");
    }

    @Test
    void onlyTheLeaseHolderDeletesAndOnlyWhatIsPastItsTime() {
        // Another replica holds the lease: nothing is deleted while it lasts.
        Database.update("""
                INSERT INTO maintenance_leases (name, holder, expires_at) VALUES ('retention', 'another-replica', now() + interval '1 hour')
                ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at""");
        UUID user = UUID.fromString(Accounts.newCustomer().id());
        Database.update("""
                INSERT INTO processed_messages (consumer, message_id, processed_at)
                SELECT ?, 'old-' || n, now() - interval '8 days' - n * interval '1 second' FROM generate_series(1, 130) AS n""", CONSUMER);
        Database.update("""
                INSERT INTO processed_messages (consumer, message_id, processed_at)
                SELECT ?, 'recent-' || n, now() - interval '6 days' FROM generate_series(1, 3) AS n""", CONSUMER);
        Database.update("""
                INSERT INTO order_idempotency_keys (user_id, idempotency_key, request_hash, created_at)
                SELECT ?, 'old-' || n, '\\x00'::bytea, now() - interval '25 hours' FROM generate_series(1, 60) AS n""", user);
        Database.update("""
                INSERT INTO order_idempotency_keys (user_id, idempotency_key, request_hash, created_at)
                VALUES (?, 'recent', '\\x00'::bytea, now() - interval '23 hours')""", user);

        sleep(Duration.ofSeconds(5));
        assertEquals(130, oldMessages(), "the lease is another replica's: no run here");
        assertEquals(60, oldKeys(user));

        // Its lease runs out (that replica stopped, or finished its period): this server takes over.
        Database.update("UPDATE maintenance_leases SET expires_at = now() - interval '1 second' WHERE name = 'retention'");
        Poll.untilTrue(SWEPT, "old processed-message records and keys deleted",
                () -> oldMessages() == 0 && oldKeys(user) == 0);
        assertEquals(3, Database.number("SELECT count(*) FROM processed_messages WHERE consumer = ? AND message_id LIKE 'recent-%'", CONSUMER),
                "records within their 7 days stay");
        assertEquals(1, Database.number("SELECT count(*) FROM order_idempotency_keys WHERE user_id = ? AND idempotency_key = 'recent'", user),
                "a key within its 24 hours stays");
        Poll.untilTrue(SWEPT, "the run's report in the server log", () -> serverLog().contains(
                "Housekeeping: deleted 130 processed-message records in 3 batches"));
        assertEquals(0, Database.number("SELECT count(*) FROM maintenance_leases WHERE holder = 'another-replica'"));
        assertEquals(1, Database.number("SELECT count(*) FROM maintenance_leases WHERE name = 'retention' AND expires_at > now()"),
                "the server holds the lease now");
    }

    @Test
    void theBatchDeletesFindTheirRowsThroughTheTimeIndexes() throws SQLException {
        List<String> messagesPlan = plan("""
                SELECT ctid FROM processed_messages
                WHERE processed_at < now() - make_interval(secs => CAST(604800 AS double precision)) LIMIT 50""");
        assertTrue(messagesPlan.stream().anyMatch(line -> line.contains("processed_messages_processed_at_idx")),
                String.join("\n", messagesPlan));
        List<String> keysPlan = plan("""
                SELECT ctid FROM order_idempotency_keys WHERE created_at < now() - interval '24 hours' LIMIT 50""");
        assertTrue(keysPlan.stream().anyMatch(line -> line.contains("order_idempotency_keys_created_idx")),
                String.join("\n", keysPlan));
    }

    /** The plan PostgreSQL makes for the query when it may use an index at all (the test tables are too small to need one). */
    private static List<String> plan(String query) throws SQLException {
        try (Connection connection = Database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET enable_seqscan = off");
            List<String> lines = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("EXPLAIN " + query)) {
                while (result.next()) {
                    lines.add(result.getString(1));
                }
            }
            return lines;
        }
    }

    private static long oldMessages() {
        return Database.number("SELECT count(*) FROM processed_messages WHERE consumer = ? AND message_id LIKE 'old-%'", CONSUMER);
    }

    private static long oldKeys(UUID user) {
        return Database.number("SELECT count(*) FROM order_idempotency_keys WHERE user_id = ? AND idempotency_key LIKE 'old-%'", user);
    }

    private static String serverLog() {
        try {
            return Files.readString(LOG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
