package dev.emporium.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.emporium.testing.Accounts.Account;
import java.time.Duration;

/** Orders as the tests place them and follow them through their asynchronous lifecycle. */
public final class Orders {

    public static final String ADDRESS = "1 Main Street";
    public static final String PAYS = "tok_visa";

    private Orders() {
    }

    /** The body of an order for one line, delivered to {@link #ADDRESS}. */
    public static String body(String productId, int quantity, String paymentToken) {
        return """
                {"items": [{"product_id": "%s", "quantity": %d}], "shipping_address": "%s", "payment_token": "%s"}"""
                .formatted(productId, quantity, ADDRESS, paymentToken);
    }

    /** Places an order for one line as the customer and returns its id; fails the test unless it is accepted (201). */
    public static String place(Api api, Account customer, String productId, int quantity, String paymentToken) {
        Api.Reply placed = api.post("/orders", body(productId, quantity, paymentToken), customer.accessToken());
        assertEquals(201, placed.status(), placed.toString());
        return placed.string("order_id");
    }

    /** Places an order for one unit that pays. */
    public static String place(Api api, Account customer, String productId) {
        return place(api, customer, productId, 1, PAYS);
    }

    /** Waits until the order, read through the API with the token, has the status; fails the test otherwise. */
    public static void awaitStatus(Api api, String token, String orderId, String status, Duration wait) {
        Poll.untilTrue(wait, "order " + orderId + " " + status,
                () -> status.equals(api.get("/orders/" + orderId, token).string("status")));
    }
}
