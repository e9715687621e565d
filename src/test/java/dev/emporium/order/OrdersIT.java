package dev.emporium.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Accounts;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Api;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Orders;
import dev.emporium.testing.Poll;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Placing, reading, cancelling and moving orders; stock reservation under concurrency; Idempotency-Key. */
@ExtendWith(ArquillianExtension.class)
class OrdersIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();
    private Account admin;
    private Account ada;
    private String category;

    @BeforeEach
    void setUp() {
        admin = Accounts.admin();
        ada = Accounts.newCustomer();
        category = Catalog.newCategory(admin);
    }

    private String product(String price, int stock, String currency) {
        String sku = "O-" + Catalog.unique();
        Reply created = api.post("/products", """
                {"name": "Item %s", "price": %s, "stock": %d, "category_id": "%s", "sku": "%s", "currency": "%s"}"""
                .formatted(sku, price, stock, category, sku, currency), admin.accessToken());
        assertEquals(201, created.status(), created.toString());
        return created.string("product_id");
    }

    private int stock(String product) {
        return api.get("/products/" + product, null).json().getInt("stock");
    }

    private static String order(String... productAndQuantity) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            lines.add("{\"product_id\": \"%s\", \"quantity\": %s}".formatted(productAndQuantity[i], productAndQuantity[i + 1]));
        }
        return "{\"items\": [" + String.join(", ", lines) + "], \"shipping_address\": \"1 Main Street, Springfield\"}";
    }

    @Test
    void placingReservesStockSnapshotsPricesAndComputesTheTotal() {
        String lamp = product("12.50", 10, "EUR");
        String desk = product("100.00", 3, "EUR");
        Reply placed = api.post("/orders", order(lamp, "2", desk, "1"), ada.accessToken());
        assertEquals(201, placed.status(), placed.toString());
        assertEquals("Order placed successfully", placed.string("message"));
        assertEquals("pending", placed.string("status"));
        String id = placed.string("order_id");
        assertEquals("/api/v1/orders/" + id, placed.header("Location").orElseThrow(),
                "a reference on this host, never built from the request's Host header");
        assertEquals(8, stock(lamp));
        assertEquals(2, stock(desk));

        // A later price change does not touch the order.
        assertEquals(200, api.call("PATCH", "/products/" + lamp, "{\"price\": 99.00}", admin.accessToken()).status());
        JsonObject view = api.get("/orders/" + id, ada.accessToken()).json();
        assertEquals(Set.of("id", "user_id", "order_date", "total_amount", "currency", "status", "shipping_address",
                "tracking_number", "items", "status_history"), view.keySet());
        assertEquals(ada.id(), view.getString("user_id"));
        assertEquals(0, new BigDecimal("125.00").compareTo(view.getJsonNumber("total_amount").bigDecimalValue()));
        assertEquals("EUR", view.getString("currency"));
        JsonObject lampLine = view.getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(l -> l.getString("product_id").equals(lamp)).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("12.50").compareTo(lampLine.getJsonNumber("unit_price").bigDecimalValue()));
        assertEquals(0, new BigDecimal("25.00").compareTo(lampLine.getJsonNumber("line_total").bigDecimalValue()));
        assertEquals("pending", view.getJsonArray("status_history").getJsonObject(0).getString("status"));
    }

    @Test
    void invalidOrdersAreRefusedNamingTheProblem() {
        String eur = product("5.00", 5, "EUR");
        String usd = product("5.00", 5, "USD");
        assertRefused(400, "{\"items\": [], \"shipping_address\": \"x\"}");
        assertRefused(400, order(IntStream.range(0, 51).mapToObj(i -> List.of(UUID.randomUUID().toString(), "1"))
                .flatMap(List::stream).toArray(String[]::new)));
        assertRefused(400, order(eur, "0"));
        assertRefused(400, order(eur, "1001"));
        assertRefused(400, order(UUID.randomUUID().toString(), "1"));
        assertRefused(400, order(eur, "1", usd, "1"));
        assertRefused(400, order(eur, "1", eur, "2"));
        assertRefused(400, "{\"items\": [{\"product_id\": \"" + eur + "\", \"quantity\": 1}]}");
        String archived = product("5.00", 5, "EUR");
        assertEquals(200, api.delete("/products/" + archived, admin.accessToken()).status());
        assertRefused(400, order(archived, "1"));
        assertEquals(5, stock(eur), "refused orders reserve nothing");
    }

    private void assertRefused(int status, String body) {
        Reply refused = api.post("/orders", body, ada.accessToken());
        assertEquals(status, refused.status(), body + " -> " + refused);
        refused.errorCode();
    }

    @Test
    void outOfStockNamesTheProductAndReservesNothing() {
        String plenty = product("1.00", 100, "EUR");
        String scarce = product("1.00", 1, "EUR");
        Reply refused = api.post("/orders", order(plenty, "5", scarce, "2"), ada.accessToken());
        assertEquals(409, refused.status(), refused.toString());
        assertEquals("OUT_OF_STOCK", refused.errorCode());
        assertTrue(refused.body().contains(scarce), refused.body());
        assertEquals(100, stock(plenty), "the whole order rolled back");
        assertEquals(1, stock(scarce));
    }

    @Test
    void fiftyConcurrentOrdersForTenUnitsSellExactlyTen() throws Exception {
        String product = product("3.00", 10, "EUR");
        List<Account> buyers = IntStream.range(0, 5).mapToObj(i -> Accounts.newCustomer()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(25);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Account buyer = buyers.get(i % buyers.size());
                calls.add(() -> Api.newClient().post("/orders", order(product, "1"), buyer.accessToken()).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(calls)) {
                statuses.add(result.get());
            }
            assertEquals(10, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(40, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, stock(product));
    }

    @Test
    void idempotencyKeyReplaysTheFirstResultAndRefusesAnotherBody() {
        String product = product("2.00", 10, "EUR");
        String key = "order-" + UUID.randomUUID();
        Reply first = api.call("POST", "/orders", order(product, "2"), ada.accessToken(), "Idempotency-Key", key);
        assertEquals(201, first.status(), first.toString());
        assertEquals("pending", first.string("status"));
        assertTrue(first.header("Idempotent-Replayed").isEmpty());
        Orders.awaitStatus(api, ada.accessToken(), first.string("order_id"), "processing", Duration.ofSeconds(30));

        Reply again = api.call("POST", "/orders", order(product, "2"), ada.accessToken(), "Idempotency-Key", key);
        assertEquals(201, again.status(), again.toString());
        assertEquals(first.string("order_id"), again.string("order_id"), "the same order");
        assertEquals("processing", again.string("status"), "as it stands now, not as it was placed");
        assertEquals("true", again.header("Idempotent-Replayed").orElseThrow());
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(8, stock(product), "and only one order");
        assertEquals(1, api.get("/orders?limit=100", ada.accessToken()).json().getJsonArray("data").stream()
                .filter(o -> o.asJsonObject().getJsonArray("items").getJsonObject(0).getString("product_id").equals(product)).count());

        Reply other = api.call("POST", "/orders", order(product, "3"), ada.accessToken(), "Idempotency-Key", key);
        assertEquals(422, other.status(), other.toString());
        assertEquals("IDEMPOTENCY_KEY_REUSED", other.errorCode());
        // The whole request counts: the same items paid with another card are another request.
        String otherCard = order(product, "2").replaceFirst("}$", ", \"payment_token\": \"tok_mastercard\"}");
        Reply otherPayment = api.call("POST", "/orders", otherCard, ada.accessToken(), "Idempotency-Key", key);
        assertEquals(422, otherPayment.status(), otherPayment.toString());
        assertEquals("IDEMPOTENCY_KEY_REUSED", otherPayment.errorCode());
        assertEquals(8, stock(product), "still only one order");

        Account bob = Accounts.newCustomer();
        assertEquals(201, api.call("POST", "/orders", order(product, "1"), bob.accessToken(), "Idempotency-Key", key).status(),
                "keys are per user");
    }

    @Test
    void othersCannotReadOrCancelAnOrderAdminsCan() {
        String product = product("2.00", 10, "EUR");
        String id = api.post("/orders", order(product, "1"), ada.accessToken()).string("order_id");
        Account bob = Accounts.newCustomer();
        Reply read = api.get("/orders/" + id, bob.accessToken());
        assertEquals(404, read.status());
        assertEquals("ORDER_NOT_FOUND", read.errorCode());
        assertEquals(404, api.post("/orders/" + id + "/cancel", null, bob.accessToken()).status());
        assertEquals(0, api.get("/orders", bob.accessToken()).json().getJsonNumber("total").intValue(), "bob has none");
        assertEquals(200, api.get("/orders/" + id, admin.accessToken()).status());
        JsonObject adasOrders = api.get("/orders?user_id=" + ada.id(), admin.accessToken()).json();
        assertEquals(1, adasOrders.getJsonNumber("total").intValue());
        JsonObject skipped = api.get("/orders?user_id=" + ada.id() + "&offset=1", admin.accessToken()).json();
        assertEquals(1, skipped.getInt("offset"));
        assertEquals(0, skipped.getJsonArray("data").size(), "offset past ada's one order");
        assertEquals(400, api.get("/orders?offset=-1", ada.accessToken()).status());
        assertEquals(400, api.get("/orders/not-a-uuid", ada.accessToken()).status());
        assertEquals(400, api.get("/orders?status=lost", ada.accessToken()).status());
    }

    @Test
    void cancellingGivesStockBackAndFollowsTheLifecycle() {
        String product = product("2.00", 10, "EUR");
        String id = api.post("/orders", order(product, "4"), ada.accessToken()).string("order_id");
        assertEquals(6, stock(product));
        Reply cancelled = api.post("/orders/" + id + "/cancel", null, ada.accessToken());
        assertEquals(200, cancelled.status(), cancelled.toString());
        assertEquals("cancelled", cancelled.string("status"));
        assertEquals(10, stock(product));
        // Payment runs in the background, so the order may have reached processing first: both may be cancelled.
        List<String> history = cancelled.json().getJsonArray("status_history").stream()
                .map(c -> c.asJsonObject().getString("status")).collect(Collectors.toList());
        assertEquals("pending", history.get(0));
        assertEquals("cancelled", history.get(history.size() - 1));
        Reply twice = api.post("/orders/" + id + "/cancel", null, ada.accessToken());
        assertEquals(409, twice.status());
        assertEquals("ILLEGAL_TRANSITION", twice.errorCode());
        assertEquals(10, stock(product), "stock is given back once");
        assertEquals(1, api.get("/orders?status=cancelled", ada.accessToken()).json().getJsonNumber("total").intValue());
    }

    @Test
    void adminMovesOrdersOnlyAlongTheLifecycle() {
        String product = product("2.00", 10, "EUR");
        String id = api.post("/orders", order(product, "1"), ada.accessToken()).string("order_id");
        // The payment step (OrderProcessingMdb) moves it to processing.
        Poll.until(Duration.ofSeconds(30), "order processing", () ->
                "processing".equals(api.get("/orders/" + id, ada.accessToken()).string("status")) ? id : null);
        Reply skip = api.put("/orders/" + id + "/status", "{\"status\": \"delivered\"}", admin.accessToken());
        assertEquals(409, skip.status());
        assertEquals("ILLEGAL_TRANSITION", skip.errorCode());
        assertEquals(409, api.put("/orders/" + id + "/status", "{\"status\": \"pending\"}", admin.accessToken()).status(),
                "no way back");
        assertEquals(403, api.put("/orders/" + id + "/status", "{\"status\": \"shipped\"}", ada.accessToken()).status());
        Reply noTracking = api.put("/orders/" + id + "/status", "{\"status\": \"shipped\"}", admin.accessToken());
        assertEquals(400, noTracking.status());
        assertEquals("tracking_number", noTracking.json().getJsonArray("details").getJsonObject(0).getString("field"));
        Reply shipped = api.put("/orders/" + id + "/status", "{\"status\": \"shipped\", \"tracking_number\": \"1Z999\"}", admin.accessToken());
        assertEquals(200, shipped.status(), shipped.toString());
        assertEquals("1Z999", shipped.string("tracking_number"));
        assertEquals(409, api.post("/orders/" + id + "/cancel", null, ada.accessToken()).status(), "too late to cancel");
        assertEquals(200, api.put("/orders/" + id + "/status", "{\"status\": \"delivered\"}", admin.accessToken()).status());
        assertEquals(400, api.put("/orders/" + id + "/status", "{\"status\": \"lost\"}", admin.accessToken()).status());
        assertEquals(9, stock(product), "delivered orders keep their stock");
    }
}
