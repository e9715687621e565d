package dev.emporium.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Accounts;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Api;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Deployments;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /products: admin writes with ETags, validation, listing with pages, filters, sorts and full-text search. */
@ExtendWith(ArquillianExtension.class)
class ProductsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();
    private Account admin;
    private String category;

    @BeforeEach
    void catalog() {
        admin = Accounts.admin();
        category = Catalog.newCategory(admin);
    }

    private String product(String name, String description, String price, int stock) {
        String sku = "P-" + Catalog.unique();
        Reply created = api.post("/products", """
                {"name": "%s", "description": "%s", "price": %s, "stock": %d, "category_id": "%s", "sku": "%s", "currency": "EUR"}"""
                .formatted(name, description, price, stock, category, sku), admin.accessToken());
        assertEquals(201, created.status(), created.toString());
        return created.string("product_id");
    }

    private List<String> names(String query) {
        Reply page = api.get("/products?category_id=" + category + "&" + query.replace(" ", "%20"), null);
        assertEquals(200, page.status(), page.toString());
        return page.json().getJsonArray("data").stream().map(p -> p.asJsonObject().getString("name")).toList();
    }

    @Test
    void createReadReplacePatchAndArchiveWithEtags() {
        String sku = "P-" + Catalog.unique();
        Reply created = api.post("/products", Catalog.productBody(category, sku), admin.accessToken());
        assertEquals(201, created.status(), created.toString());
        assertEquals("Product created successfully", created.string("message"));
        String id = created.string("product_id");
        assertEquals("/api/v1/products/" + id, created.header("Location").orElseThrow());

        Reply read = api.get("/products/" + id, null);
        assertEquals(200, read.status());
        JsonObject product = read.json();
        assertEquals(Set.of("id", "name", "description", "sku", "price", "currency", "stock", "category", "image_url",
                "created_at", "updated_at"), product.keySet());
        assertEquals(sku, product.getString("sku"));
        assertEquals(0, new BigDecimal("19.99").compareTo(product.getJsonNumber("price").bigDecimalValue()));
        assertEquals(category, product.getJsonObject("category").getString("id"));
        String etag = read.header("ETag").orElseThrow();
        assertTrue(read.header("Cache-Control").orElseThrow().contains("public"));

        assertEquals(304, api.call("GET", "/products/" + id, null, null, "If-None-Match", etag).status());

        Reply replaced = api.call("PUT", "/products/" + id, Catalog.productBody(category, sku).replace("19.99", "24.50"),
                admin.accessToken(), "If-Match", etag);
        assertEquals(200, replaced.status(), replaced.toString());
        String newTag = replaced.header("ETag").orElseThrow();
        assertNotEquals(etag, newTag);

        Reply stale = api.call("PATCH", "/products/" + id, "{\"stock\": 1}", admin.accessToken(), "If-Match", etag);
        assertEquals(412, stale.status(), stale.toString());
        assertEquals("PRECONDITION_FAILED", stale.errorCode());
        Reply staleRead = api.call("GET", "/products/" + id, null, null, "If-Match", etag);
        assertEquals(412, staleRead.status(), staleRead.toString());
        assertEquals("PRECONDITION_FAILED", staleRead.errorCode(), "a conditional read says why in the error format");
        assertEquals(200, api.call("GET", "/products/" + id, null, null, "If-Match", newTag).status());

        Reply patched = api.call("PATCH", "/products/" + id, "{\"stock\": 40, \"price\": 21.00}", admin.accessToken(), "If-Match", newTag);
        assertEquals(200, patched.status(), patched.toString());
        assertEquals(40, patched.json().getInt("stock"));
        assertEquals(0, new BigDecimal("21.00").compareTo(patched.json().getJsonNumber("price").bigDecimalValue()));
        assertEquals(sku, patched.string("sku"), "fields not in the patch stay");

        assertEquals(200, api.delete("/products/" + id, admin.accessToken()).status());
        Reply gone = api.get("/products/" + id, null);
        assertEquals(404, gone.status());
        assertEquals("PRODUCT_NOT_FOUND", gone.errorCode());
        assertEquals(List.of(), names("limit=100"), "archived products leave listings");
        assertEquals(0, api.get("/products?category_id=" + category, null).json().getJsonNumber("total").intValue(),
                "and their totals");
    }

    @Test
    void invalidProductsAreRefusedNamingTheField() {
        String good = Catalog.productBody(category, "P-" + Catalog.unique());
        assertInvalid(good.replace("19.99", "-1"), "price");
        assertInvalid(good.replace("19.99", "1.234"), "price");
        assertInvalid(good.replace("\"stock\": 5", "\"stock\": -1"), "stock");
        assertInvalid(good.replace("\"EUR\"", "\"EURO\""), "currency");
        assertInvalid(good.replace("\"EUR\"", "\"XQZ\""), "currency");
        assertInvalid(good.replace("\"category_id\": \"" + category + "\"", "\"category\": \"no-such-category\""), "category");
        assertInvalid(good.replace("\"category_id\": \"" + category + "\", ", ""), "category_id");

        String sku = "P-" + Catalog.unique();
        assertEquals(201, api.post("/products", Catalog.productBody(category, sku), admin.accessToken()).status());
        Reply taken = api.post("/products", Catalog.productBody(category, sku), admin.accessToken());
        assertEquals(409, taken.status());
        assertEquals("SKU_TAKEN", taken.errorCode());

        Reply malformed = api.get("/products/not-a-uuid", null);
        assertEquals(400, malformed.status());
        assertEquals("id", malformed.json().getJsonArray("details").getJsonObject(0).getString("field"));
        assertEquals("PRODUCT_NOT_FOUND", api.get("/products/" + java.util.UUID.randomUUID(), null).errorCode());
    }

    @Test
    void theSeedsProductShapeIsServedWithTheCategoryByNameAndAMadeUpSku() {
        String categoryName = api.get("/categories/" + category, null).string("name");
        String seedShape = """
                {"name": "Walnut lamp", "description": "A lamp", "price": 49.90, "stock": 7, "category": "%s"}""";
        Reply created = api.post("/products", seedShape.formatted(categoryName.toUpperCase(Locale.ROOT)), admin.accessToken());
        assertEquals(201, created.status(), created.toString());
        Reply read = api.get("/products/" + created.string("product_id"), null);
        JsonObject product = read.json();
        String sku = product.getString("sku");
        assertTrue(sku.matches("WALNUTLAMP-[0-9A-Z]{6}"), sku);
        assertEquals("EUR", product.getString("currency"), "the store's currency");
        assertEquals(category, product.getJsonObject("category").getString("id"), "the category, named in any case");

        Reply twin = api.post("/products", seedShape.formatted(categoryName), admin.accessToken());
        assertEquals(201, twin.status(), twin.toString());
        assertNotEquals(sku, api.get("/products/" + twin.string("product_id"), null).string("sku"), "made-up SKUs are unique");
        String slug = api.get("/categories/" + category, null).string("slug");
        assertEquals(201, api.post("/products", seedShape.formatted(slug), admin.accessToken()).status(), "or by slug");

        // PUT in the same shape keeps the SKU and the currency the product has.
        Reply replaced = api.call("PUT", "/products/" + product.getString("id"),
                seedShape.formatted(slug).replace("49.90", "44.00"), admin.accessToken(), "If-Match", read.header("ETag").orElseThrow());
        assertEquals(200, replaced.status(), replaced.toString());
        assertEquals(sku, replaced.string("sku"));
        assertEquals("EUR", replaced.string("currency"));

        // A name two categories share does not say which one.
        String shared = "Twin " + Catalog.unique();
        for (String suffix : List.of("a", "b")) {
            Reply twinCategory = api.post("/categories", "{\"name\": \"%s\", \"slug\": \"twin-%s-%s\"}"
                    .formatted(shared, suffix, Catalog.unique()), admin.accessToken());
            assertEquals(201, twinCategory.status(), twinCategory.toString());
        }
        assertInvalid(seedShape.formatted(shared), "category");
    }

    @Test
    void listingsTakeAnOffsetAsWellAsAPage() {
        for (String name : List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo")) {
            product(name, "for paging", "10.00", 1);
        }
        assertEquals(List.of("Delta", "Echo"), names("limit=2&offset=3&sort=name"));
        JsonObject slice = api.get("/products?category_id=" + category + "&limit=2&offset=3&sort=name", null).json();
        assertEquals(3, slice.getInt("offset"));
        assertEquals(2, slice.getInt("page"), "the page the slice starts in");
        assertEquals(5, slice.getJsonNumber("total").intValue());
        assertEquals(2, api.get("/products?category_id=" + category + "&limit=2&page=2&sort=name", null).json().getInt("offset"));
        assertEquals(List.of("Bravo", "Charlie"), names("limit=2&page=3&offset=1&sort=name"), "offset wins over page");
        for (String query : List.of("offset=-1", "offset=x", "offset=999999999999", "page=0&offset=2", "page=2&offset=-3")) {
            Reply bad = api.get("/products?" + query, null);
            assertEquals(400, bad.status(), query + " -> " + bad);
            assertEquals("VALIDATION_FAILED", bad.errorCode());
        }
    }

    @Test
    void aReadOrDeleteWithAContentTypeButNoBodyIsServed() {
        String id = product("Bodiless", "for headers", "5.00", 1);
        for (String contentType : List.of("application/json", "text/plain", "application/x-www-form-urlencoded", "text/csv; charset=utf-8")) {
            Reply read = api.call("GET", "/products/" + id, null, null, "Content-Type", contentType);
            assertEquals(200, read.status(), contentType + " -> " + read);
            Reply listing = api.call("GET", "/products?category_id=" + category, null, null, "Content-Type", contentType);
            assertEquals(200, listing.status(), contentType + " -> " + listing);
        }
        Reply deleted = api.call("DELETE", "/products/" + id, null, admin.accessToken(), "Content-Type", "text/plain");
        assertEquals(200, deleted.status(), deleted.toString());
        Reply wrongBody = api.call("POST", "/products", null, admin.accessToken(), "Content-Type", "text/plain");
        assertEquals(415, wrongBody.status(), "a write still says what it takes: " + wrongBody);
    }

    private void assertInvalid(String body, String field) {
        Reply refused = api.post("/products", body, admin.accessToken());
        assertEquals(400, refused.status(), body + " -> " + refused);
        assertEquals("VALIDATION_FAILED", refused.errorCode());
        assertEquals(field, refused.json().getJsonArray("details").getJsonObject(0).getString("field"), refused.toString());
    }

    @Test
    void listingPagesFiltersAndSorts() {
        product("Alpha lamp", "warm light", "10.00", 3);
        product("Bravo chair", "mesh back", "30.00", 0);
        product("Charlie desk", "oak top", "50.00", 8);
        product("Delta shelf", "pine", "20.00", 1);
        product("Echo stool", "beech", "40.00", 2);

        JsonObject first = api.get("/products?category_id=" + category + "&limit=2&sort=name", null).json();
        assertEquals(5, first.getJsonNumber("total").intValue());
        assertEquals(1, first.getInt("page"));
        assertEquals(2, first.getInt("limit"));
        assertEquals(List.of("Alpha lamp", "Bravo chair"), names("limit=2&sort=name"));
        assertEquals(List.of("Charlie desk", "Delta shelf"), names("limit=2&page=2&sort=name"));
        assertEquals(List.of("Echo stool"), names("limit=2&page=3&sort=name"), "the last page holds the rest");
        assertEquals(List.of(), names("limit=2&page=4&sort=name"), "past the end: empty");

        assertEquals(List.of("Alpha lamp", "Delta shelf", "Bravo chair", "Echo stool", "Charlie desk"), names("sort=price"));
        assertEquals(List.of("Charlie desk", "Echo stool", "Bravo chair", "Delta shelf", "Alpha lamp"), names("sort=-price"));
        assertEquals(List.of("Echo stool", "Delta shelf", "Charlie desk", "Bravo chair", "Alpha lamp"), names("sort=-created_at"));
        assertEquals(List.of("Delta shelf", "Bravo chair", "Echo stool"), names("min_price=20&max_price=40&sort=price"));
        assertEquals(List.of("Alpha lamp", "Delta shelf", "Echo stool", "Charlie desk"), names("in_stock=true&sort=price"));
        assertEquals(List.of("Delta shelf", "Echo stool"), names("in_stock=true&min_price=15&max_price=45&sort=price"),
                "filters combine");

        String slug = api.get("/categories/" + category, null).string("slug");
        Reply bySlug = api.get("/products?category=" + slug, null);
        assertEquals(5, bySlug.json().getJsonNumber("total").intValue());
        assertEquals(4, api.get("/products?category_id=" + category + "&in_stock=true", null).json().getJsonNumber("total").intValue());
        assertEquals(0, api.get("/products?category=no-such-" + Catalog.unique(), null).json().getJsonNumber("total").intValue());

        for (String query : List.of("limit=0", "limit=101", "page=0", "sort=cheapest", "category_id=nope",
                "min_price=-1", "min_price=50&max_price=10", "min_price=abc", "page=two", "in_stock=maybe")) {
            Reply bad = api.get("/products?" + query, null);
            assertEquals(400, bad.status(), query + " -> " + bad);
            bad.errorCode();
        }
    }

    @Test
    void searchRanksNameMatchesAboveDescriptionMatches() {
        product("Lamp with a walnut base", "for reading", "30.00", 4);
        product("Reading lamp", "brass arm and a walnut shade", "25.00", 4);
        product("Desk organiser", "bamboo", "15.00", 4);

        assertEquals(List.of("Lamp with a walnut base", "Reading lamp"), names("search=walnut"),
                "a match in the name outranks one in the description");
        assertEquals(List.of("Reading lamp"), names("search=walnut&max_price=28"), "search combines with filters");
        assertEquals(List.of("Reading lamp"), names("search=walnut&limit=1&page=2"), "and with pages");
        assertEquals(Set.of("Lamp with a walnut base", "Reading lamp"), Set.copyOf(names("search=lamps")),
                "stemmed: lamps finds lamp");
        assertEquals(List.of("Desk organiser"), names("search=bamboo -walnut"), "web search syntax");
        assertEquals(List.of(), names("search=" + Catalog.unique()));
    }

    @Test
    void anonymousListingsAreCacheableAuthenticatedOnesPrivate() {
        Reply anonymous = api.get("/products?category_id=" + category, null);
        assertEquals("public, max-age=60", anonymous.header("Cache-Control").orElseThrow().replace("no-transform, ", ""));
        Reply signedIn = api.get("/products?category_id=" + category, admin.accessToken());
        assertTrue(signedIn.header("Cache-Control").orElseThrow().contains("private"));
        assertEquals(JsonValue.ValueType.ARRAY, signedIn.json().get("data").getValueType());
    }
}
