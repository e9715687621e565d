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
import dev.emporium.testing.Http;
import dev.emporium.testing.Poll;
import dev.emporium.testing.Services;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With the database away, the API answers 503 SERVICE_UNAVAILABLE in the error format within 2 s, and recovers with
 * it. When the database goes away while a commit is under way, nobody can know whether it happened: the answer says
 * so (503 OUTCOME_UNKNOWN), and a retry with the same Idempotency-Key settles it.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseOutageIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Duration PROMPTLY = Duration.ofSeconds(2);
    /** Orders with this address take 4 s to commit (a deferred trigger), so that the database can die meanwhile. */
    private static final String SLOW_COMMIT = "Slow Commit Lane";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();

    @BeforeEach
    void theDatabaseIsOursToStop() {
        Assumptions.assumeTrue(Services.privateDatabase(), "the database is not ours to stop");
    }

    @Test
    void whileTheDatabaseIsAwayRequestsAnswer503WithinTwoSeconds() {
        Account ada = Accounts.newCustomer();
        String order = orderOf(Catalog.newProduct(Accounts.admin(), Catalog.newCategory(Accounts.admin()), 5), "1 Main Street");
        assertEquals(200, api.get("/products?limit=1", null).status());
        Services.database("crash");
        try {
            // A listing no one read before, of those PostgreSQL answers itself: one read in the last second may still
            // be answered from the catalog cache, and a search the product index finds nothing for needs no database
            // while the index is less than a second behind (docs/catalog.md, "Search").
            String unreadListing = "/products?limit=1&sort=name&offset=" + ThreadLocalRandom.current().nextInt(1_000_000);
            for (String[] request : new String[][] {{"GET", unreadListing}, {"POST", "/orders"}, {"GET", "/orders"}}) {
                long began = System.nanoTime();
                Reply refused = api.call(request[0], request[1], request[0].equals("POST") ? order : null, ada.accessToken());
                Duration took = Duration.ofNanos(System.nanoTime() - began);
                assertEquals(503, refused.status(), request[1] + ": " + refused);
                assertEquals("SERVICE_UNAVAILABLE", refused.errorCode());
                assertTrue(refused.header("Retry-After").isPresent());
                assertTrue(refused.json().getString("message").contains("database"), refused.toString());
                assertTrue(took.compareTo(PROMPTLY) < 0, request[0] + " " + request[1] + " answered in " + took);
            }
        } finally {
            Services.database("start");
        }
        Poll.untilTrue(PROMPTLY, "ready again", () -> Http.get("/health/ready").statusCode() == 200);
        Poll.untilTrue(PROMPTLY, "products served again", () -> api.get("/products?limit=1", null).status() == 200);
    }

    @Test
    void aCommitCutOffByTheDatabaseAnswersOutcomeUnknownAndTheSameKeyPlacesTheOrderOnce() throws Exception {
        Account admin = Accounts.admin();
        Account ada = Accounts.newCustomer();
        String product = Catalog.newProduct(admin, Catalog.newCategory(admin), 5);
        String order = orderOf(product, SLOW_COMMIT);
        String key = UUID.randomUUID().toString();
        Database.update("""
                CREATE OR REPLACE FUNCTION test_slow_commit() RETURNS trigger AS $$
                BEGIN
                    IF NEW.shipping_address = '%s' THEN PERFORM pg_sleep(4); END IF;
                    RETURN NULL;
                END $$ LANGUAGE plpgsql""".formatted(SLOW_COMMIT));
        Database.update("CREATE CONSTRAINT TRIGGER test_slow_commit AFTER INSERT ON orders DEFERRABLE INITIALLY DEFERRED"
                + " FOR EACH ROW EXECUTE FUNCTION test_slow_commit()");
        Reply cutOff;
        try {
            CompletableFuture<Reply> placing = CompletableFuture.supplyAsync(() -> api.call("POST", "/orders", order,
                    ada.accessToken(), "Idempotency-Key", key));
            Thread.sleep(2_000);
            Services.database("crash");
            cutOff = placing.get(30, TimeUnit.SECONDS);
        } finally {
            Services.database("start");
            Poll.untilTrue(SETTLE, "the database back", () -> Http.get("/health/ready").statusCode() == 200);
            Database.update("DROP TRIGGER IF EXISTS test_slow_commit ON orders");
            Database.update("DROP FUNCTION IF EXISTS test_slow_commit()");
        }
        assertEquals(503, cutOff.status(), cutOff.toString());
        assertEquals("OUTCOME_UNKNOWN", cutOff.errorCode());
        assertTrue(cutOff.json().getString("message").contains("Idempotency-Key"), cutOff.toString());
        assertTrue(cutOff.header("Retry-After").isPresent());

        Reply retried = api.call("POST", "/orders", order, ada.accessToken(), "Idempotency-Key", key);
        assertEquals(201, retried.status(), retried.toString());
        Reply again = api.call("POST", "/orders", order, ada.accessToken(), "Idempotency-Key", key);
        assertEquals(retried.string("order_id"), again.string("order_id"), "the key names one order");
        assertEquals("true", again.header("Idempotent-Replayed").orElse(""));
        assertEquals(1, api.get("/orders", ada.accessToken()).json().getInt("total"), "placed once, whatever the outcome was");
        assertEquals(4, api.get("/products/" + product, null).json().getInt("stock"), "one unit reserved, once");
    }

    private static String orderOf(String product, String address) {
        return """
                {"items": [{"product_id": "%s", "quantity": 1}], "shipping_address": "%s"}""".formatted(product, address);
    }
}
