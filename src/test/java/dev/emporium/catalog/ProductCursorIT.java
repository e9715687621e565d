package dev.emporium.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Scrape;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code cursor} next to {@code page}: walking a product listing by its {@code next_cursor} gives the very pages that
 * walking it by page number gives (ties of relevance included), resumes after its row when rows are added before it,
 * and continues only the listing it came from.
 */
@ExtendWith(ArquillianExtension.class)
class ProductCursorIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();
    private Account admin;
    private String category;
    private String word;

    @BeforeEach
    void catalog() throws InterruptedException {
        admin = Accounts.admin();
        category = Catalog.newCategory(admin);
        word = Catalog.word();
        // Six products alike to the letter (equal relevance: their ids order them), and eight that rank apart.
        for (int i = 0; i < 6; i++) {
            Catalog.newProduct(admin, category, "Twin " + word + " shelf", "A shelf", (10 + i) + ".00", 3);
        }
        for (int i = 0; i < 4; i++) {
            Catalog.newProduct(admin, category, word + " lamp " + "with a long name ".repeat(i), "A lamp", (20 + i) + ".00",
                    i);
        }
        for (int i = 0; i < 4; i++) {
            Catalog.newProduct(admin, category, "Plain thing " + i, "Made with " + word + " inside " + "and more words ".repeat(i),
                    (5 + i) + ".00", 1);
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (Scrape.now().sum("emporium_search_index_ready") < 1 || total("search=" + word) != 14) {
            if (System.currentTimeMillis() > deadline) {
                fail("the product index did not find the 14 products within 60 s");
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aRankedSearchWalkedByCursorGivesThePagesThatPageNumbersGive() {
        for (String listing : List.of("search=" + word, "search=" + word + "&min_price=6", "search=" + word + "&in_stock=true")) {
            String query = "/products?limit=3&category_id=" + category + "&" + listing;
            List<String> byPage = walkByPage(query);
            List<String> byCursor = walkByCursor(query, "INDEX", true);
            assertEquals(byPage, byCursor, query);
            assertEquals(byPage.size(), new HashSet<>(byPage).size(), "no product twice: " + query);
            assertEquals(total(listing), byPage.size(), "every match once: " + query);
        }
    }

    @Test
    void listingsInAColumnsOrderWalkTheSameWayByCursor() {
        // In a category: newest from PostgreSQL (its index), the others from the product index (at the offset).
        for (String sort : List.of("", "&sort=-created_at", "&sort=price", "&sort=-price", "&sort=name")) {
            String query = "/products?limit=4&category_id=" + category + sort;
            assertEquals(walkByPage(query), walkByCursor(query, sort.isEmpty() || sort.contains("created") ? "DATABASE" : "INDEX",
                    sort.isEmpty() || sort.contains("created")), query);
        }
        // The whole catalog by price: PostgreSQL walks its index from the cursor's row.
        String query = "/products?limit=5&sort=price";
        List<String> byPage = walkByPage(query);
        assertEquals(byPage, walkByCursor(query, "DATABASE", true), query);
        assertEquals(api.get(query, null).json().getJsonNumber("total").longValue(), byPage.size());
        assertEquals(byPage.size(), new HashSet<>(byPage).size(), "no product twice");
    }

    @Test
    void aCursorResumesAfterItsRowWhenNewerProductsAreAddedBeforeIt() {
        String query = "/products?limit=5&category_id=" + category;
        Reply first = api.get(query, null);
        List<String> all = walkByPage(query);
        String cursor = first.json().getString("next_cursor");

        Catalog.newProduct(admin, category, "Newest " + Catalog.word(), "Added between two pages", "9.00", 2);

        Reply second = api.get(query + "&cursor=" + cursor, null);
        assertEquals(200, second.status(), second.toString());
        assertEquals(all.subList(5, 10), Catalog.ids(second), "the page after the first five, as it was");
        assertEquals(15, second.json().getInt("total"));
        Reply byPage = api.get(query + "&page=2", null);
        assertEquals(all.subList(4, 9), Catalog.ids(byPage), "page 2 by number has moved by one, as offsets do");
    }

    @Test
    void aCursorOnlyContinuesItsOwnListing() {
        Reply first = api.get("/products?limit=3&category_id=" + category + "&search=" + word, null);
        String cursor = first.json().getString("next_cursor");
        String other = Base64.getUrlEncoder().withoutPadding().encodeToString("{}".getBytes(StandardCharsets.UTF_8));
        for (String refused : List.of(
                "search=" + word + "lamp&cursor=" + cursor,
                "search=" + word + "&sort=price&cursor=" + cursor,
                "search=" + word + "&page=2&cursor=" + cursor,
                "search=" + word + "&offset=3&cursor=" + cursor,
                "search=" + word + "&cursor=not-a-cursor",
                "search=" + word + "&cursor=" + other,
                "search=" + word + "&cursor=" + cursor.substring(0, cursor.length() / 2))) {
            Reply reply = api.get("/products?limit=3&category_id=" + category + "&" + refused, null);
            assertEquals(400, reply.status(), refused + ": " + reply);
            assertEquals("VALIDATION_FAILED", reply.errorCode(), reply.toString());
            assertEquals("cursor", reply.json().getJsonArray("details").getJsonObject(0).getString("field"), reply.toString());
        }
        Reply again = api.get("/products?limit=3&category_id=" + category + "&search=" + word + "&cursor=" + cursor, null);
        assertEquals(200, again.status(), "the same cursor with its own listing: " + again);
        assertEquals(2, again.json().getInt("page"));
        assertEquals(3, again.json().getInt("offset"));
    }

    /** Every product of the listing, page by page by number until a page comes back short. */
    private List<String> walkByPage(String query) {
        List<String> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            Reply reply = api.get(query + "&page=" + page, null);
            assertEquals(200, reply.status(), reply.toString());
            List<String> data = Catalog.ids(reply);
            ids.addAll(data);
            if (data.size() < reply.json().getInt("limit") || ids.size() == reply.json().getJsonNumber("total").longValue()) {
                return ids;
            }
        }
    }

    /**
     * Every product of the listing, following next_cursor from the first page; each cursor comes from the source
     * named, and, where that source resumes from a row, holds that row's key.
     */
    private List<String> walkByCursor(String query, String source, boolean resumesFromARow) {
        List<String> ids = new ArrayList<>();
        Reply reply = api.get(query, null);
        int page = 1;
        while (true) {
            assertEquals(200, reply.status(), reply.toString());
            JsonObject json = reply.json();
            assertEquals(page, json.getInt("page"), json.toString());
            assertEquals((page - 1) * json.getInt("limit"), json.getInt("offset"));
            ids.addAll(Catalog.ids(reply));
            if (!json.containsKey("next_cursor")) {
                assertEquals(json.getJsonNumber("total").longValue(), ids.size(), "the last page has no next_cursor");
                return ids;
            }
            JsonObject cursor = decoded(json.getString("next_cursor"));
            assertEquals(source, cursor.getString("source"), query);
            assertEquals(resumesFromARow, cursor.containsKey("id"), query + ": " + cursor);
            reply = api.get(query + "&cursor=" + json.getString("next_cursor"), null);
            page++;
        }
    }

    private static JsonObject decoded(String cursor) {
        return Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)))
                .readObject();
    }

    private long total(String listing) {
        Reply reply = api.get("/products?limit=1&category_id=" + category + "&" + listing, null);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonNumber("total").longValue();
    }
}
