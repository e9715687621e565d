package dev.emporium.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import jakarta.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Products and categories for the browser tests, made through the admin API (the test server has no demo data).
 * Names carry a made-up word of their own, so that a search finds exactly this test's products.
 */
final class ShopData {

    private ShopData() {
    }

    record Category(String id, String name, String slug) {
    }

    record Product(String id, String name, String price, int stock) {
    }

    /** A word no dictionary has (letters only, so that full-text search keeps it whole), e.g. "zovikelu". */
    static String word() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String consonants = "bdfgklmnprstvz";
        String vowels = "aeiou";
        StringBuilder word = new StringBuilder("zo");
        for (int i = 0; i < 4; i++) {
            word.append(consonants.charAt(random.nextInt(consonants.length()))).append(vowels.charAt(random.nextInt(vowels.length())));
        }
        return word.toString();
    }

    static Category category(Account admin, String name) {
        String slug = "c-" + word();
        Api.Reply created = Api.newClient().post("/categories", """
                {"name": "%s", "slug": "%s", "description": "Made by a browser test"}""".formatted(name, slug), admin.accessToken());
        assertEquals(201, created.status(), created.toString());
        return new Category(created.string("id"), name, slug);
    }

    static Product product(Account admin, Category category, String name, String price, int stock) {
        String sku = "B-" + word().toUpperCase();
        Api.Reply created = Api.newClient().post("/products", """
                {"name": "%s", "description": "%s, made by a browser test.", "price": %s, "stock": %d,
                 "category_id": "%s", "sku": "%s", "currency": "EUR"}"""
                .formatted(name, name, price, stock, category.id(), sku), admin.accessToken());
        assertEquals(201, created.status(), created.toString());
        return new Product(created.string("product_id"), name, price, stock);
    }

    /** The product's stock now, read through the API. */
    static int stock(String productId) {
        JsonObject product = Api.newClient().get("/products/" + productId, null).json();
        return product.getInt("stock");
    }
}
