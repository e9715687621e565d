package dev.emporium.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.emporium.testing.Accounts.Account;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;

/** Creates categories and products through the admin API, for tests that need some. */
public final class Catalog {

    private Catalog() {
    }

    public static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static String categoryBody(String slug) {
        return "{\"name\": \"Category %s\", \"slug\": \"c-%s\", \"description\": \"for tests\"}".formatted(slug, slug);
    }

    public static String productBody(String categoryId, String sku) {
        return ("{\"name\": \"Test product %s\", \"description\": \"A product made by a test\", \"price\": 19.99, "
                + "\"stock\": 5, \"category_id\": \"%s\", \"sku\": \"%s\", \"currency\": \"EUR\"}").formatted(sku, categoryId, sku);
    }

    public static String newCategory(Account admin) {
        Api.Reply created = Api.newClient().post("/categories", categoryBody(unique()), admin.accessToken());
        assertEquals(201, created.status(), created.toString());
        return created.string("id");
    }

    /** A 1×1 PNG. */
    public static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /** Uploads a PNG for the product and returns its image_url. */
    public static String uploadImage(Account admin, String productId) {
        Api.Reply uploaded = Api.newClient().upload("PUT", "/products/" + productId + "/image", PNG, "image/png", admin.accessToken());
        assertEquals(200, uploaded.status(), uploaded.toString());
        return uploaded.string("image_url");
    }

    public static String newProduct(Account admin, String categoryId) {
        return newProduct(admin, categoryId, 5);
    }

    public static String newProduct(Account admin, String categoryId, int stock) {
        String body = productBody(categoryId, "T-" + unique()).replace("\"stock\": 5", "\"stock\": " + stock);
        Api.Reply created = Api.newClient().post("/products", body, admin.accessToken());
        assertEquals(201, created.status(), created.toString());
        return created.string("product_id");
    }

    /** A product with these fields in the category; its id. */
    public static String newProduct(Account admin, String categoryId, String name, String description, String price, int stock) {
        String body = "{\"name\": \"%s\", \"description\": \"%s\", \"price\": %s, \"stock\": %d, \"category_id\": \"%s\"}"
                .formatted(name, description, price, stock, categoryId);
        Api.Reply created = Api.newClient().post("/products", body, admin.accessToken());
        assertEquals(201, created.status(), created.toString());
        return created.string("product_id");
    }

    /** The ids of a listing page's products, in its order. */
    public static List<String> ids(Api.Reply listed) {
        return listed.json().getJsonArray("data").stream().map(product -> ((JsonObject) product).getString("id")).toList();
    }

    /** A word no other product has, of letters only, so that both search engines keep it whole. */
    public static String word() {
        StringBuilder word = new StringBuilder("q");
        for (char c : unique().toCharArray()) {
            word.append((char) ('a' + Character.digit(c, 16) % 26));
        }
        return word.toString();
    }
}
