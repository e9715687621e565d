package dev.emporium.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Http;
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
 * With the broker down, an order cannot be placed (its message could not be sent in the same transaction): the
 * request answers 503 in the error format and nothing is stored or reserved. Once the broker is back, orders go
 * through again.
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
    void placingWhileTheBrokerIsDownAnswers503AndStoresNothing() {
        Account admin = Accounts.admin();
        Account ada = Accounts.newCustomer();
        String product = Catalog.newProduct(admin, Catalog.newCategory(admin), 5);
        String order = """
                {"items": [{"product_id": "%s", "quantity": 2}], "shipping_address": "4 Quay Street"}""".formatted(product);

        Services.broker("stop");
        try {
            Reply refused = api.post("/orders", order, ada.accessToken());
            assertEquals(503, refused.status(), refused.toString());
            assertEquals("SERVICE_UNAVAILABLE", refused.errorCode());
            assertTrue(refused.header("Retry-After").isPresent());
            assertEquals(5, api.get("/products/" + product, null).json().getInt("stock"), "nothing reserved");
            assertEquals(0, api.get("/orders", ada.accessToken()).json().getInt("total"), "nothing stored");
        } finally {
            Services.broker("start");
        }

        Poll.untilTrue(SETTLE, "ready again", () -> Http.get("/health/ready").statusCode() == 200);
        Reply placed = Poll.until(SETTLE, "an order accepted again", () -> {
            Reply attempt = api.post("/orders", order, ada.accessToken());
            return attempt.status() == 201 ? attempt : null;
        });
        String id = placed.string("order_id");
        Orders.awaitStatus(api, ada.accessToken(), id, "processing", SETTLE);
        assertEquals(3, api.get("/products/" + product, null).json().getInt("stock"));
    }
}
