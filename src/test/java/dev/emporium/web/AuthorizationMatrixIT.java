package dev.emporium.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Http;
import dev.emporium.testing.Orders;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint × {no token, customer A, customer B, admin} → the expected status. The table must list exactly the
 * operations of the published OpenAPI document, so an endpoint cannot be added without a row here.
 */
@ExtendWith(ArquillianExtension.class)
class AuthorizationMatrixIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    /** The accounts a row's path and body may refer to. A is the subject of most rows; B is another customer. */
    record Cast(Account a, Account b, Account admin, String categoryId, String productId, String imageKey,
                String stockedProductId, String orderOfA) {
    }

    /** One endpoint: how to call it, and the status each caller gets (no token, A, B, admin). */
    record Row(String method, String path, Function<Cast, String> id, Function<Cast, String> body,
               int none, int a, int b, int admin) {

        /** Rows whose body is an image rather than JSON say so with this body. */
        static final String PNG_BODY = "<png>";
        /** Rows whose answer is an event stream that stays open: only its status is read. */
        static final String STREAM = "<stream>";

        String operation() {
            return method + " " + path;
        }
    }

    private static final Function<Cast, String> NO_ID = cast -> null;
    private static final Function<Cast, String> NO_BODY = cast -> null;
    private static final Function<Cast, String> A = cast -> cast.a().id();
    /** A fresh account for each call, for rows that change or end the account they act on. */
    private static final Function<Cast, String> VICTIM = cast -> Accounts.newCustomer().id();
    private static final Function<Cast, String> CATEGORY = Cast::categoryId;
    private static final Function<Cast, String> PRODUCT = Cast::productId;
    private static final Function<Cast, String> FRESH_CATEGORY = cast -> Catalog.newCategory(cast.admin());
    private static final Function<Cast, String> FRESH_PRODUCT = cast -> Catalog.newProduct(cast.admin(), cast.categoryId());
    private static final Function<Cast, String> ORDER_OF_A = Cast::orderOfA;
    /** A new pending order of A for each call, for rows that move the order on. */
    private static final Function<Cast, String> FRESH_ORDER_OF_A = cast -> Orders.place(Api.newClient(), cast.a(), cast.stockedProductId());

    private static final List<Row> TABLE = List.of(
            //      method    path                         id       body                                   none  A    B    admin
            new Row("POST", "/api/v1/auth/register", NO_ID, cast -> newRegistration(), 201, 201, 201, 201),
            new Row("POST", "/api/v1/auth/login", NO_ID, cast -> Accounts.credentials(cast.a().email(), Accounts.PASSWORD), 200, 200, 200, 200),
            new Row("POST", "/api/v1/auth/refresh", NO_ID, cast -> freshRefresh(cast.a()), 200, 200, 200, 200),
            new Row("GET", "/api/v1/users/me", NO_ID, NO_BODY, 401, 200, 200, 200),
            new Row("GET", "/api/v1/users/{id}", A, NO_BODY, 401, 200, 404, 200),
            new Row("PUT", "/api/v1/users/{id}", A, cast -> sameProfile(cast.a()), 401, 200, 404, 200),
            new Row("DELETE", "/api/v1/users/{id}", VICTIM, NO_BODY, 401, 404, 404, 200),
            new Row("GET", "/api/v1/users", NO_ID, NO_BODY, 401, 403, 403, 200),
            new Row("PUT", "/api/v1/users/{id}/role", A, cast -> "{\"role\": \"CUSTOMER\"}", 401, 403, 403, 200),
            new Row("GET", "/api/v1/categories", NO_ID, NO_BODY, 200, 200, 200, 200),
            new Row("GET", "/api/v1/categories/{id}", CATEGORY, NO_BODY, 200, 200, 200, 200),
            new Row("POST", "/api/v1/categories", NO_ID, cast -> Catalog.categoryBody(Catalog.unique()), 401, 403, 403, 201),
            new Row("PUT", "/api/v1/categories/{id}", FRESH_CATEGORY, cast -> Catalog.categoryBody(Catalog.unique()), 401, 403, 403, 200),
            new Row("DELETE", "/api/v1/categories/{id}", FRESH_CATEGORY, NO_BODY, 401, 403, 403, 200),
            new Row("GET", "/api/v1/products", NO_ID, NO_BODY, 200, 200, 200, 200),
            new Row("GET", "/api/v1/products/{id}", PRODUCT, NO_BODY, 200, 200, 200, 200),
            new Row("POST", "/api/v1/products", NO_ID, cast -> Catalog.productBody(cast.categoryId(), Catalog.unique()), 401, 403, 403, 201),
            new Row("PUT", "/api/v1/products/{id}", PRODUCT, cast -> Catalog.productBody(cast.categoryId(), "MATRIX-" + cast.productId()), 401, 403, 403, 200),
            new Row("PATCH", "/api/v1/products/{id}", PRODUCT, cast -> "{\"stock\": 7}", 401, 403, 403, 200),
            new Row("DELETE", "/api/v1/products/{id}", FRESH_PRODUCT, NO_BODY, 401, 403, 403, 200),
            new Row("PUT", "/api/v1/products/{id}/image", PRODUCT, cast -> Row.PNG_BODY, 401, 403, 403, 200),
            new Row("GET", "/api/v1/images/{key}", Cast::imageKey, NO_BODY, 200, 200, 200, 200),
            new Row("POST", "/api/v1/orders", NO_ID, cast -> Orders.body(cast.stockedProductId(), 1, Orders.PAYS), 401, 201, 201, 201),
            new Row("GET", "/api/v1/orders", NO_ID, NO_BODY, 401, 200, 200, 200),
            new Row("GET", "/api/v1/orders/{id}", ORDER_OF_A, NO_BODY, 401, 200, 404, 200),
            new Row("GET", "/api/v1/orders/{id}/events", ORDER_OF_A, cast -> Row.STREAM, 401, 200, 404, 200),
            new Row("POST", "/api/v1/orders/{id}/cancel", FRESH_ORDER_OF_A, NO_BODY, 401, 200, 404, 200),
            // cancelled: allowed whether the payment step has already moved the order to processing or not.
            new Row("PUT", "/api/v1/orders/{id}/status", FRESH_ORDER_OF_A, cast -> "{\"status\": \"cancelled\"}", 401, 403, 403, 200),
            new Row("DELETE", "/api/v1/orders/{id}/attention", ORDER_OF_A, NO_BODY, 401, 403, 403, 204),
            // Last: it ends the caller's session (its refresh tokens), which no row above may depend on.
            new Row("POST", "/api/v1/auth/logout", NO_ID, NO_BODY, 401, 204, 204, 204));

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() {
        Account admin = Accounts.admin();
        String category = Catalog.newCategory(admin);
        String product = Catalog.newProduct(admin, category);
        String imageKey = Catalog.uploadImage(admin, product).replace("/api/v1/images/", "");
        Account a = Accounts.newCustomer();
        String stocked = Catalog.newProduct(admin, category, 10_000);
        Cast cast = new Cast(a, Accounts.newCustomer(), admin, category, product, imageKey, stocked, Orders.place(Api.newClient(), a, stocked));
        List<String> mismatches = new ArrayList<>();
        for (Row row : TABLE) {
            check(row, "no token", null, row.none(), cast, mismatches);
            check(row, "customer A", cast.a().accessToken(), row.a(), cast, mismatches);
            check(row, "customer B", cast.b().accessToken(), row.b(), cast, mismatches);
            check(row, "admin", cast.admin().accessToken(), row.admin(), cast, mismatches);
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void theTableCoversEveryDocumentedOperation() {
        JsonObject document = Http.json(Http.get("/openapi?format=JSON"));
        Set<String> documented = new TreeSet<>();
        document.getJsonObject("paths").forEach((path, item) -> {
            if (path.startsWith("/api/v1/")) {
                item.asJsonObject().keySet().stream()
                        .filter(key -> Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(key))
                        .forEach(method -> documented.add(method.toUpperCase() + " " + path));
            }
        });
        Set<String> tabled = new TreeSet<>();
        TABLE.forEach(row -> tabled.add(row.operation()));
        assertEquals(documented, tabled, "each documented operation needs exactly one row in the table");
    }

    private static void check(Row row, String who, String token, int expected, Cast cast, List<String> mismatches) {
        String id = row.id().apply(cast);
        String path = row.path().replace("/api/v1", "").replaceAll("\\{[a-z]+\\}", id == null ? "" : id);
        String body = row.body().apply(cast);
        if (Row.STREAM.equals(body)) {
            int status = Api.newClient().streamStatus(path, token);
            if (status != expected) {
                mismatches.add(row.operation() + " as " + who + ": expected " + expected + ", got " + status);
            }
            return;
        }
        Reply reply = Row.PNG_BODY.equals(body)
                ? Api.newClient().upload(row.method(), path, Catalog.PNG, "image/png", token)
                : Api.newClient().call(row.method(), path, body, token);
        if (reply.status() != expected) {
            mismatches.add(row.operation() + " as " + who + ": expected " + expected + ", got " + reply);
        } else if (reply.status() >= 400) {
            reply.errorCode();
        }
    }

    private static String newRegistration() {
        String name = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return "{\"username\": \"%s\", \"email\": \"%s@example.com\", \"password\": \"%s\"}".formatted(name, name, Accounts.PASSWORD);
    }

    private static String freshRefresh(Account account) {
        Account session = Accounts.login(Api.newClient(), account.id(), account.email(), account.username(), Accounts.PASSWORD);
        return "{\"refresh_token\": \"" + session.refreshToken() + "\"}";
    }

    private static String sameProfile(Account account) {
        return "{\"username\": \"%s\", \"email\": \"%s\"}".formatted(account.username(), account.email());
    }
}
