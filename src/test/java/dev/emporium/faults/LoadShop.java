package dev.emporium.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.emporium.testing.Api;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The shop the load runs against: a category of products with ample stock, and customers logged in, each with a
 * client address of its own, made through the API of the server (or proxy) at {@code root}.
 */
record LoadShop(List<String> products, List<OrderLoad.Customer> customers) {

    private static final int PRODUCTS = 8;
    private static final int STOCK = 1_000_000;
    private static final int CUSTOMERS = 16;

    static LoadShop open(URI root, String name) {
        Api admin = Api.newClient(root);
        String adminToken = login(admin, FaultServer.ADMIN_EMAIL, FaultServer.ADMIN_PASSWORD);
        Api.Reply category = admin.post("/categories", "{\"name\": \"%s\", \"slug\": \"%s\"}".formatted(name, name), adminToken);
        assertEquals(201, category.status(), category.toString());
        List<String> products = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            Api.Reply product = admin.post("/products", ("{\"name\": \"Load product %d\", \"description\": \"under load\","
                    + " \"price\": %d.50, \"currency\": \"EUR\", \"stock\": %d, \"sku\": \"%s-%d\", \"category_id\": \"%s\"}")
                    .formatted(i, 10 + i, STOCK, name.toUpperCase(), i, category.string("id")), adminToken);
            assertEquals(201, product.status(), product.toString());
            products.add(product.string("product_id"));
        }
        // Side by side: each customer costs two password hashes, which take both cores only when asked for together.
        List<OrderLoad.Customer> customers = IntStream.range(0, CUSTOMERS).parallel()
                .mapToObj(i -> customer(root, name, i)).toList();
        return new LoadShop(List.copyOf(products), customers);
    }

    private static OrderLoad.Customer customer(URI root, String name, int i) {
        Api client = Api.newClient(root);
        String email = name + "-" + i + "@" + name + ".example";
        Api.Reply registered = client.post("/auth/register", "{\"username\": \"%s%d\", \"email\": \"%s\", \"password\": \"%s\"}"
                .formatted(name, i, email, FaultServer.ADMIN_PASSWORD), null);
        assertEquals(201, registered.status(), registered.toString());
        return new OrderLoad.Customer(email, login(client, email, FaultServer.ADMIN_PASSWORD), client.address());
    }

    static String login(Api client, String email, String password) {
        Api.Reply login = client.post("/auth/login", "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password), null);
        assertEquals(200, login.status(), login.toString());
        return login.string("access_token");
    }
}
