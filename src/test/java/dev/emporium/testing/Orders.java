package dev.emporium.testing;

import java.time.Duration;

/** Orders as the tests follow them through their asynchronous lifecycle. */
public final class Orders {

    private Orders() {
    }

    /** Waits until the order, read through the API with the token, has the status; fails the test otherwise. */
    public static void awaitStatus(Api api, String token, String orderId, String status, Duration wait) {
        Poll.untilTrue(wait, "order " + orderId + " " + status,
                () -> status.equals(api.get("/orders/" + orderId, token).string("status")));
    }
}
