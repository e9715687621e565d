package dev.emporium.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Database;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Mailbox;
import dev.emporium.testing.Orders;
import dev.emporium.testing.Poll;
import jakarta.json.JsonArray;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The payment is taken in steps outside the transaction that holds the order row (record the attempt, ask the
 * gateway with the order id as idempotency key, then record the answer and move the order together). Each test provokes a failure at
 * one point between two steps, with the simulated provider's test tokens or a row lock held from outside, and checks
 * that the order is charged exactly once (the provider's own ledger, simulated_provider_charges) and ends where it
 * should.
 */
@ExtendWith(ArquillianExtension.class)
class PaymentStepsIT {

    private static final Duration PROCESSING = Duration.ofSeconds(40);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();
    private Account customer;
    private String product;

    @BeforeEach
    void setUp() {
        Account admin = Accounts.admin();
        customer = Accounts.newCustomer();
        product = Catalog.newProduct(admin, Catalog.newCategory(admin), 10);
    }

    @Test
    void aGatewayThatFailsBeforeChargingIsAskedAgainAndChargesOnce() {
        String id = Orders.place(api, customer, product, 2, SimulatedPaymentGateway.UNAVAILABLE_ONCE_TOKEN);
        Orders.awaitStatus(api, customer.accessToken(), id, "processing", PROCESSING);
        assertChargedOnce(id);
        assertEquals(1, requests(id));
        assertEquals(2, history(id).size(), "pending, processing: the failed attempt moved nothing");
        Mailbox.await(customer.email(), "confirmed", PROCESSING);
    }

    @Test
    void anAnswerLostAfterTheChargeIsAskedForAgainAndNotChargedTwice() {
        String id = Orders.place(api, customer, product, 2, SimulatedPaymentGateway.ANSWER_LOST_ONCE_TOKEN);
        Orders.awaitStatus(api, customer.accessToken(), id, "processing", PROCESSING);
        // Asked twice under one key: the provider booked one charge, and the payment carries its reference.
        assertChargedOnce(id);
        assertEquals(2, requests(id));
        assertEquals(8, stock());
    }

    @Test
    void aFailureWhileSettlingRollsTheAnswerBackWithTheMoveAndTheRedeliveryChargesOnce() throws SQLException {
        String id = Orders.place(api, customer, product, 2, SimulatedPaymentGateway.SLOW_TOKEN);
        awaitPayment(id, "pending");
        try (Connection holder = Database.connect()) {
            // The order's row locked from outside while the gateway answers: the settlement, which records the answer
            // and moves the order, waits for the lock past lock_timeout and fails.
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT 1 FROM orders WHERE id = ?::uuid FOR UPDATE")) {
                lock.setString(1, id);
                lock.executeQuery().close();
            }
            Poll.untilTrue(PROCESSING, "the settlement waiting for the row", () -> waitersOnOrders() > 0);
            Poll.untilTrue(PROCESSING, "the settlement given up (lock_timeout)", () -> waitersOnOrders() == 0);
            assertEquals("pending", status(id), "the order did not move while its row was held");
            assertEquals("pending", paymentStatus(id), "the answer rolled back with the move");
            holder.rollback();
        }
        Orders.awaitStatus(api, customer.accessToken(), id, "processing", PROCESSING);
        // The redelivery asked again under the same key: one charge, one payment carrying its reference.
        assertChargedOnce(id);
        assertTrue(requests(id) >= 2, "asked again after the failed settlement: " + requests(id));
        assertEquals(2, history(id).size());
    }

    @Test
    void aSlowGatewayHoldsNoOrderRowSoTheCustomerCancelsMeanwhileAndIsRefunded() {
        String id = Orders.place(api, customer, product, 2, SimulatedPaymentGateway.SLOW_TOKEN);
        awaitPayment(id, "pending");

        cancel(id);
        // Had the gateway's call held the order row, the cancel would have waited for its answer.
        assertEquals("pending", paymentStatus(id), "the cancel did not wait for the gateway");
        assertEquals(10, stock());

        awaitPayment(id, "refunded");
        assertEquals("cancelled", status(id));
        assertChargedOnceAndGivenBack(id);
        assertEquals(2, history(id).size(), "pending, cancelled");
    }

    @Test
    void aChargeWhoseAnswerWasLostIsAskedAboutAgainAfterTheCustomerCancelsAndGivenBack() {
        String id = Orders.place(api, customer, product, 2, SimulatedPaymentGateway.SLOW_ANSWER_LOST_ONCE_TOKEN);
        awaitPayment(id, "pending");

        // Cancelled while the gateway is asked; the provider then charges and its answer is lost, so the payment is
        // still pending when the message comes back, for an order no longer awaiting payment.
        cancel(id);

        awaitPayment(id, "refunded");
        assertEquals(2, requests(id), "asked again under the same key to learn what it took");
        assertChargedOnceAndGivenBack(id);
        assertEquals("cancelled", status(id));
        assertEquals(10, stock());
    }

    @Test
    void aRefundWhoseAnswerIsLostStaysOwedAndIsAskedAgainWithoutGivingBackTwice() {
        String id = Orders.place(api, customer, product, 2, SimulatedPaymentGateway.REFUND_ANSWER_LOST_ONCE_TOKEN);
        Orders.awaitStatus(api, customer.accessToken(), id, "processing", PROCESSING);

        assertEquals("cancelled", cancel(id).string("status"));
        assertEquals(10, stock());
        // The provider gave the money back after the cancel committed; its answer was lost, so the refund stays owed.
        Poll.untilTrue(PROCESSING, "the provider gave back",
                () -> Database.number("SELECT count(*) FROM simulated_provider_charges WHERE idempotency_key = ?::uuid"
                        + " AND refunded_at IS NOT NULL", id) == 1);
        assertEquals("refund_pending", paymentStatus(id), "owed until the gateway's answer is heard");

        // OwedRefunds asks again (every EMPORIUM_PAYMENT_REFUND_RETRY_INTERVAL, 2 s in the tests) under the same key.
        awaitPayment(id, "refunded");
        assertEquals(2, Database.number("SELECT refund_requests FROM simulated_provider_charges WHERE idempotency_key = ?::uuid"
                + " AND approved AND refunded_at IS NOT NULL", id), "asked twice, given back once");
        assertEquals("cancelled", status(id));
    }

    /** One payment, authorised, and one charge booked by the provider under the order's id with the same reference. */
    private static void assertChargedOnce(String orderId) {
        assertEquals(1, Database.number("SELECT count(*) FROM payments WHERE order_id = ?::uuid AND status = 'authorised'", orderId));
        assertEquals(1, Database.number("SELECT count(*) FROM simulated_provider_charges WHERE idempotency_key = ?::uuid"
                + " AND approved AND refunded_at IS NULL", orderId), "one charge, kept");
        assertEquals(1, Database.number("SELECT count(*) FROM payments p JOIN simulated_provider_charges c"
                + " ON c.idempotency_key = p.order_id AND c.reference = p.reference WHERE p.order_id = ?::uuid", orderId));
    }

    private static void assertChargedOnceAndGivenBack(String orderId) {
        assertEquals(1, Database.number("SELECT count(*) FROM simulated_provider_charges WHERE idempotency_key = ?::uuid"
                + " AND approved AND refunded_at IS NOT NULL", orderId), "charged once and given back");
    }

    /** How many times the provider was asked to charge the order. */
    private static long requests(String orderId) {
        return Database.number("SELECT requests FROM simulated_provider_charges WHERE idempotency_key = ?::uuid", orderId);
    }

    private static void awaitPayment(String orderId, String status) {
        Poll.untilTrue(PROCESSING, "payment of " + orderId + " " + status, () -> status.equals(paymentStatus(orderId)));
    }

    private static String paymentStatus(String orderId) {
        try (Connection db = Database.connect();
             PreparedStatement query = db.prepareStatement("SELECT status FROM payments WHERE order_id = ?::uuid")) {
            query.setString(1, orderId);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sessions of this database waiting for a lock while reading orders (the move of the order held above). */
    private static long waitersOnOrders() {
        return Database.number("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE NOT l.granted AND a.query ILIKE '%orders%' AND a.datname = current_database()");
    }

    private Reply cancel(String orderId) {
        Reply cancelled = api.post("/orders/" + orderId + "/cancel", null, customer.accessToken());
        assertEquals(200, cancelled.status(), cancelled.toString());
        return cancelled;
    }

    private String status(String orderId) {
        return api.get("/orders/" + orderId, customer.accessToken()).string("status");
    }

    private JsonArray history(String orderId) {
        return api.get("/orders/" + orderId, customer.accessToken()).json().getJsonArray("status_history");
    }

    private int stock() {
        return api.get("/products/" + product, null).json().getInt("stock");
    }
}
