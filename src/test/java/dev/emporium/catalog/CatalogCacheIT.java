package dev.emporium.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Database;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Http;
import dev.emporium.testing.Orders;
import dev.emporium.testing.Scrape;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalog cache (CatalogCache, CatalogResponseCache): anonymous reads answered without the database, a change made
 * through this server seen at once, a change made elsewhere (another replica, or SQL) seen no later than the cache's
 * age of 1 s after its commit, and the answers from the cache carrying what the uncached ones carry.
 */
@ExtendWith(ArquillianExtension.class)
class CatalogCacheIT {

    private static final long MAX_AGE_MILLIS = 1_000;

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

    private static double hits(String cache) {
        return Scrape.now().sum("emporium_catalog_cache_hits", Map.of("cache", cache));
    }

    @Test
    void aRepeatedReadIsAnsweredFromTheCacheAndAnEditThroughThisServerIsSeenAtOnce() {
        String id = Catalog.newProduct(admin, category);
        Reply first = api.get("/products/" + id, null);
        assertEquals(200, first.status(), first.toString());
        Reply listed = api.get("/products?category_id=" + category, null);
        assertEquals(0, new BigDecimal("19.99").compareTo(price(listed, 0)), listed.toString());

        double before = hits("product_responses");
        Reply second = api.get("/products/" + id, null);
        assertEquals(first.body(), second.body());
        assertEquals(first.header("ETag"), second.header("ETag"));
        assertEquals("public, max-age=60", second.header("Cache-Control").orElseThrow());
        assertEquals("application/json", second.header("Content-Type").orElseThrow());
        assertTrue(second.header("X-Request-Id").isPresent(), "a cached answer still names its request");
        assertEquals("nosniff", second.header("X-Content-Type-Options").orElseThrow());
        assertTrue(hits("product_responses") >= before + 1, "the second read was not answered from the cache");

        String oldTag = first.header("ETag").orElseThrow();
        Reply patched = api.call("PATCH", "/products/" + id, "{\"price\": 25.00}", admin.accessToken());
        assertEquals(200, patched.status(), patched.toString());

        Reply after = api.get("/products/" + id, null);
        assertEquals(0, new BigDecimal("25.00").compareTo(price(after)), after.toString());
        String newTag = after.header("ETag").orElseThrow();
        assertNotEquals(oldTag, newTag);
        assertEquals(0, new BigDecimal("25.00").compareTo(price(api.get("/products?category_id=" + category, null), 0)));
        assertEquals(200, api.call("GET", "/products/" + id, null, null, "If-None-Match", oldTag).status());
        assertEquals(304, api.call("GET", "/products/" + id, null, null, "If-None-Match", newTag).status());
        assertEquals(304, api.call("GET", "/products/" + id, null, null, "If-None-Match", "\"x\", W/" + newTag).status());

        assertEquals(200, api.delete("/products/" + id, admin.accessToken()).status());
        assertEquals(404, api.get("/products/" + id, null).status(), "an archived product is gone at once");
        assertEquals(0, api.get("/products?category_id=" + category, null).json().getJsonArray("data").size());
    }

    @Test
    void aRevalidationIsAnsweredFromTheCacheEvenWhenNoPlainReadCameFirst() {
        String id = Catalog.newProduct(admin, category);
        String tag = "\"" + Database.number("SELECT version FROM products WHERE id = ?", UUID.fromString(id)) + "\"";
        Reply first = api.call("GET", "/products/" + id, null, null, "If-None-Match", tag);
        assertEquals(304, first.status(), first.toString());
        assertEquals(tag, first.header("ETag").orElseThrow());
        double before = hits("product_responses");
        assertEquals(304, api.call("GET", "/products/" + id, null, null, "If-None-Match", tag).status());
        assertTrue(hits("product_responses") >= before + 1, "the revalidation was not answered from the cache");
    }

    /** What another replica would do: the change reaches this server only through its database. */
    @Test
    void aChangeThisServerDidNotMakeIsServedNoLaterThanTheCacheAgeAfterItsCommit() throws InterruptedException {
        String id = Catalog.newProduct(admin, category);
        assertEquals(200, api.get("/products/" + id, null).status());
        assertEquals(200, api.get("/products?category_id=" + category, null).status());

        Database.update("UPDATE products SET price = 31.00, stock = stock + 7, version = version + 1 WHERE id = ?",
                UUID.fromString(id));
        long committed = System.nanoTime();
        Thread.sleep(MAX_AGE_MILLIS);
        Reply product = api.get("/products/" + id, null);
        Reply listing = api.get("/products?category_id=" + category, null);
        long elapsedMillis = (System.nanoTime() - committed) / 1_000_000;
        assertEquals(0, new BigDecimal("31.00").compareTo(price(product)),
                "still the old product " + elapsedMillis + " ms after the commit: " + product);
        assertEquals(12, product.json().getInt("stock"));
        assertEquals(0, new BigDecimal("31.00").compareTo(price(listing, 0)),
                "still the old listing " + elapsedMillis + " ms after the commit: " + listing);
    }

    @Test
    void anOrderPlacedThroughThisServerShowsItsStockAtOnce() {
        String id = Catalog.newProduct(admin, category, 5);
        assertEquals(5, api.get("/products/" + id, null).json().getInt("stock"));
        Account customer = Accounts.newCustomer();
        Orders.place(api, customer, id, 2, Orders.PAYS);
        assertEquals(3, api.get("/products/" + id, null).json().getInt("stock"));
        assertEquals(3, api.get("/products/" + id, customer.accessToken()).json().getInt("stock"));
    }

    @Test
    void aCachedListingIsGzippedOnceAndCountsAgainstTheReadAllowance() throws IOException, InterruptedException {
        for (int i = 0; i < 8; i++) {
            Catalog.newProduct(admin, category);
        }
        String path = "/products?category_id=" + category + "&limit=20";
        Reply plain = api.get(path, null);
        assertEquals(200, plain.status());
        assertTrue(plain.body().length() >= 2048, "the listing should be large enough to compress: " + plain.body().length());

        HttpResponse<byte[]> zipped = gzipped(path);
        HttpResponse<byte[]> again = gzipped(path);
        for (HttpResponse<byte[]> answer : java.util.List.of(zipped, again)) {
            assertEquals(200, answer.statusCode());
            assertEquals("gzip", answer.headers().firstValue("Content-Encoding").orElse(""));
            assertEquals("Accept-Encoding", answer.headers().firstValue("Vary").orElse(""));
            assertArrayEquals(plain.body().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    new GZIPInputStream(new ByteArrayInputStream(answer.body())).readAllBytes());
        }
        long remaining = Long.parseLong(zipped.headers().firstValue("RateLimit-Remaining").orElseThrow());
        long remainingAgain = Long.parseLong(again.headers().firstValue("RateLimit-Remaining").orElseThrow());
        assertEquals(remaining - 1, remainingAgain, "a read answered from the cache takes from the allowance too");
    }

    @Test
    void aListingFirstAskedForGzippedIsKeptPlainForClientsThatTakeNoGzip() throws IOException, InterruptedException {
        for (int i = 0; i < 8; i++) {
            Catalog.newProduct(admin, category);
        }
        String path = "/products?category_id=" + category + "&limit=20&sort=name";
        // The three reads follow each other at once: the listing is kept for 1 s here.
        double before = hits("listing_responses");
        HttpResponse<byte[]> miss = gzipped(path);
        Reply plain = api.get(path, null);
        HttpResponse<byte[]> zipped = gzipped(path);
        assertTrue(hits("listing_responses") >= before + 2, "both later reads should be answered from the cache");

        assertEquals(200, miss.statusCode());
        assertEquals(200, plain.status());
        assertTrue(plain.header("Content-Encoding").isEmpty(), plain.toString());
        assertEquals(8, plain.json().getJsonArray("data").size(), plain.toString());
        byte[] plainBytes = plain.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (HttpResponse<byte[]> answer : java.util.List.of(miss, zipped)) {
            assertEquals("gzip", answer.headers().firstValue("Content-Encoding").orElse(""));
            assertArrayEquals(plainBytes, new GZIPInputStream(new ByteArrayInputStream(answer.body())).readAllBytes());
        }
    }

    @Test
    void authenticatedReadsAreNotAnsweredFromTheSharedCache() {
        String id = Catalog.newProduct(admin, category);
        assertEquals(200, api.get("/products/" + id, null).status());
        double before = hits("product_responses");
        Reply own = api.get("/products/" + id, admin.accessToken());
        assertEquals(200, own.status());
        assertTrue(own.header("Cache-Control").orElseThrow().contains("private"), own.toString());
        assertEquals(before, hits("product_responses"));
    }

    private HttpResponse<byte[]> gzipped(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(Http.server("/api/v1" + path))
                .header("Accept-Encoding", "gzip").header("X-Forwarded-For", api.address()).build();
        // HTTP/1.1, as browsers and most clients speak plain HTTP (Java's client would otherwise upgrade to h2c).
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static BigDecimal price(Reply product) {
        return product.json().getJsonNumber("price").bigDecimalValue();
    }

    private static BigDecimal price(Reply listing, int index) {
        return listing.json().getJsonArray("data").getJsonObject(index).getJsonNumber("price").bigDecimalValue();
    }
}
