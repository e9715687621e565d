package dev.emporium.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Database;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Orders;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No request waits without bound on the database: a row lock not granted within DB_LOCK_TIMEOUT (3 s) answers 409
 * RESOURCE_BUSY, a statement that runs past DB_STATEMENT_TIMEOUT (5 s on the test server, 15 s by default) answers
 * 503; both with Retry-After, both with nothing changed, and the connection goes back to the pool.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseTimeoutsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();

    @Test
    void aCancelThatMeetsAHeldRowLockAnswersResourceBusyAfterTheLockTimeout() throws Exception {
        Account admin = Accounts.admin();
        Account ada = Accounts.newCustomer();
        String product = Catalog.newProduct(admin, Catalog.newCategory(admin), 5);
        String id = Orders.place(api, ada, product);
        // Paid first, so that the payment step is not queued on the same row: lock_timeout counts each lock wait on
        // its own, and two in a row would meet the statement timeout instead (a 503, bounded all the same).
        Orders.awaitStatus(api, ada.accessToken(), id, "processing", Duration.ofSeconds(30));
        try (Connection holder = Database.connect()) {
            // Another party holds the order's row, as an unfinished payment step would.
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM orders WHERE id = ?::uuid FOR UPDATE")) {
                lock.setString(1, id);
                lock.executeQuery().close();
            }
            long began = System.nanoTime();
            Reply busy = api.post("/orders/" + id + "/cancel", null, ada.accessToken());
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            assertEquals(409, busy.status(), busy.toString());
            assertEquals("RESOURCE_BUSY", busy.errorCode());
            assertTrue(busy.header("Retry-After").isPresent());
            assertTrue(took.compareTo(Duration.ofSeconds(2)) > 0 && took.compareTo(Duration.ofSeconds(8)) < 0,
                    "waited the lock timeout, not for ever: " + took);
            holder.rollback();
        }
        Reply cancelled = api.post("/orders/" + id + "/cancel", null, ada.accessToken());
        assertEquals(200, cancelled.status(), "once the lock is gone the same request succeeds: " + cancelled);
    }

    @Test
    void aStatementThatRunsTooLongAnswers503AndStoresNothing() {
        Account admin = Accounts.admin();
        String slug = "slow-" + UUID.randomUUID().toString().substring(0, 8);
        Database.update("""
                CREATE OR REPLACE FUNCTION test_slow_statement() RETURNS trigger AS $$
                BEGIN
                    IF NEW.slug LIKE 'slow-%' THEN PERFORM pg_sleep(30); END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql""");
        Database.update("CREATE TRIGGER test_slow_statement BEFORE INSERT ON categories FOR EACH ROW"
                + " EXECUTE FUNCTION test_slow_statement()");
        try {
            long began = System.nanoTime();
            Reply slow = api.post("/categories", Catalog.categoryBody(slug).replace("c-" + slug, slug), admin.accessToken());
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            assertEquals(503, slow.status(), slow.toString());
            assertEquals("SERVICE_UNAVAILABLE", slow.errorCode());
            assertTrue(slow.json().getString("message").contains("in time"), slow.toString());
            assertTrue(slow.header("Retry-After").isPresent());
            assertTrue(took.compareTo(Duration.ofSeconds(12)) < 0, "cut off by the statement timeout: " + took);
        } finally {
            Database.update("DROP TRIGGER IF EXISTS test_slow_statement ON categories");
            Database.update("DROP FUNCTION IF EXISTS test_slow_statement()");
        }
        assertEquals(0, Database.number("SELECT count(*) FROM categories WHERE slug = ?", slug), "nothing stored");
    }
}
