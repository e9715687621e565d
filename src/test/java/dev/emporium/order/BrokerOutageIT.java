package dev.emporium.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Database;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Orders;
import dev.emporium.testing.Poll;
import dev.emporium.testing.Services;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Placing an order does not need the broker: its messages wait in the outbox, in the order's own transaction. With
 * the broker killed, an order is accepted at once (201) and stays pending; once the broker is back, the outbox relay
 * sends what waited and the order is paid.
 */
@ExtendWith(ArquillianExtension.class)
class BrokerOutageIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();

    @Test
    void ordersPlacedWhileTheBrokerIsDownAreAcceptedAndPaidWhenItReturns() {
        Account admin = Accounts.admin();
        Account ada = Accounts.newCustomer();
        String product = Catalog.newProduct(admin, Catalog.newCategory(admin), 5);
        String id;
        Services.broker("kill");
        try {
            long began = System.nanoTime();
            id = Orders.place(api, ada, product, 2, Orders.PAYS);
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "answered without waiting for the broker: " + took);
            assertEquals(3, api.get("/products/" + product, null).json().getInt("stock"), "stock reserved at once");
            assertTrue(Database.number("SELECT count(*) FROM outbox WHERE properties->>'ce_subject' = ?", id) >= 2,
                    "the order's messages wait in the outbox");
            assertEquals("pending", api.get("/orders/" + id, ada.accessToken()).string("status"));
        } finally {
            Services.broker("start");
        }
        Orders.awaitStatus(api, ada.accessToken(), id, "processing", SETTLE);
        Poll.untilTrue(SETTLE, "the outbox emptied", () -> Database.number(
                "SELECT count(*) FROM outbox WHERE properties->>'ce_subject' = ?", id) == 0);
    }
}
