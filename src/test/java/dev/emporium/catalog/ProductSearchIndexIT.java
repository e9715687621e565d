package dev.emporium.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Database;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Scrape;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Listings answered by the product index (dev.emporium.catalog.search): the same products, totals and orders as
 * PostgreSQL's own full-text search and filters give for the same listing, this server's writes found at once, and
 * a change made without this server (another replica, or SQL) found within 1 s of its commit.
 */
@ExtendWith(ArquillianExtension.class)
class ProductSearchIndexIT {

    private static final long FOUND_WITHIN_MILLIS = 1_000;

    private static final String[] MATERIALS = {"walnut", "oak", "steel"};
    private static final String[] THINGS = {"lamp", "desk", "chair", "lamps"};

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();
    private Account admin;
    private String category;

    @BeforeEach
    void catalog() throws InterruptedException {
        admin = Accounts.admin();
        category = Catalog.newCategory(admin);
        long deadline = System.currentTimeMillis() + 60_000;
        while (Scrape.now().sum("emporium_search_index_ready") < 1) {
            if (System.currentTimeMillis() > deadline) {
                fail("the product index did not become ready within 60 s");
            }
            Thread.sleep(100);
        }
    }

    @Test
    void theIndexFindsWhatTheDatabaseFindsInTheSameOrder() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String name = capitalized(MATERIALS[i % 3]) + " " + THINGS[i / 3 % 4] + " " + i;
            String description = "A " + MATERIALS[(i + 1) % 3] + " " + THINGS[(i + 2) % 4] + " for the study";
            ids.add(Catalog.newProduct(admin, category, name, description, (5 + i * 7 % 40) + ".50", i % 5 == 0 ? 0 : i));
        }
        ids.add(Catalog.newProduct(admin, category, "Walnut's reading lamp", "Made of oak", "12.00", 3));
        assertEquals(200, api.delete("/products/" + ids.get(1), admin.accessToken()).status());

        String[] searches = {null, "walnut", "lamps", "walnut lamp", "\"oak desk\"", "walnut or steel", "lamp -oak",
                "the walnut", "walnut's", "chairs or desks", "the"};
        String[] filters = {"", "&in_stock=true", "&min_price=10&max_price=30", "&sort=price", "&sort=-price&in_stock=true",
                "&sort=name", "&sort=-created_at&max_price=20"};
        int compared = 0;
        for (String search : searches) {
            for (String filter : filters) {
                String query = "/products?limit=100&category_id=" + category + filter
                        + (search == null ? "" : "&search=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
                Reply listed = api.get(query, null);
                assertEquals(200, listed.status(), listed.toString());
                List<String> expected = fromDatabase(search, filter);
                List<String> found = Catalog.ids(listed);
                assertEquals(expected.size(), listed.json().getJsonNumber("total").longValue(), query);
                boolean ordered = filter.contains("sort=") || search == null;
                if (ordered) {
                    assertEquals(expected, found, query);
                } else {
                    assertEquals(new HashSet<>(expected), new HashSet<>(found), query);
                }
                compared++;
            }
        }
        assertEquals(searches.length * filters.length, compared);
        assertTrue(fromDatabase("walnut", "").size() >= 8, "the searches compared found something");
    }

    @Test
    void aWordInTheNameRanksAboveTheSameWordInTheDescription() {
        String word = Catalog.word();
        String inDescription = Catalog.newProduct(admin, category, "Plain thing", "Made with " + word, "10.00", 1);
        String inName = Catalog.newProduct(admin, category, "The " + word, "Plain", "10.00", 1);
        Reply listed = api.get("/products?category_id=" + category + "&search=" + word, null);
        assertEquals(List.of(inName, inDescription), Catalog.ids(listed), listed.toString());
    }

    @Test
    void thisServersWritesAreFoundAtOnce() {
        String before = Catalog.word();
        String after = Catalog.word();
        String id = Catalog.newProduct(admin, category, "Gadget " + before, "Plain", "10.00", 4);
        assertEquals(List.of(id), search(before, ""));

        Reply renamed = api.call("PATCH", "/products/" + id, "{\"name\": \"Gadget " + after + "\"}", admin.accessToken());
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals(List.of(id), search(after, ""));
        assertEquals(List.of(), search(before, ""));

        assertEquals(200, api.delete("/products/" + id, admin.accessToken()).status());
        assertEquals(List.of(), search(after, ""));
    }

    /** What another replica, or a script, does: the change reaches this server only through the database. */
    @Test
    void aChangeMadeWithoutThisServerIsFoundWithinASecondOfItsCommit() throws InterruptedException {
        String before = Catalog.word();
        String after = Catalog.word();
        String id = Catalog.newProduct(admin, category, "Widget " + before, "Plain", "10.00", 2);
        UUID uuid = UUID.fromString(id);

        Database.update("UPDATE products SET name = ? WHERE id = ?", "Widget " + after, uuid);
        awaitWithinASecond(after, "", found -> found.equals(List.of(id)));
        assertEquals(List.of(), search(before, ""));

        Database.update("UPDATE products SET stock = 0 WHERE id = ?", uuid);
        awaitWithinASecond(after, "&in_stock=true", List::isEmpty);
        assertEquals(List.of(id), search(after, ""));

        String inserted = Catalog.word();
        Database.update("INSERT INTO products (category_id, sku, name, price, currency, stock)"
                + " VALUES (?, ?, ?, 7.00, 'EUR', 1)", UUID.fromString(category), "T-" + inserted, "Inserted " + inserted);
        awaitWithinASecond(inserted, "", found -> found.size() == 1);

        Database.update("UPDATE products SET archived_at = now() WHERE id = ?", uuid);
        awaitWithinASecond(after, "", List::isEmpty);
    }

    /** One statement changing more products than the index reads at once (7 in the tests): all are found together. */
    @Test
    void aChangeToManyProductsAtOnceIsFoundWhole() throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            Catalog.newProduct(admin, category, "Batch item " + i, "Plain", "10.00", 1);
        }
        String word = Catalog.word();
        Database.update("UPDATE products SET description = ? WHERE category_id = CAST(? AS uuid)", "Now " + word, category);
        awaitWithinASecond(word, "", found -> found.size() == 20);
    }

    /** Orders move stock all the time: only a move to or from zero changes what the index holds. */
    @Test
    void stockThatStaysAboveZeroLeavesTheProductsSearchStampAlone() {
        UUID id = UUID.fromString(Catalog.newProduct(admin, category, "Stamped " + Catalog.word(), "Plain", "10.00", 5));
        long stamped = stamp(id);
        Database.update("UPDATE products SET stock = 4 WHERE id = ?", id);
        assertEquals(stamped, stamp(id));
        Database.update("UPDATE products SET stock = 0 WHERE id = ?", id);
        assertTrue(stamp(id) > stamped, "a product out of stock is stamped for the index");
    }

    @Test
    void aPagePastTheLastIsEmptyAndStillCountsTheTotal() {
        String word = Catalog.word();
        Catalog.newProduct(admin, category, "Far " + word, "Plain", "10.00", 1);
        Reply far = api.get("/products?page=1000000&limit=100&search=" + word, null);
        assertEquals(200, far.status(), far.toString());
        assertEquals(0, far.json().getJsonArray("data").size());
        assertEquals(1, far.json().getJsonNumber("total").longValue());
    }

    private void awaitWithinASecond(String word, String filter, Predicate<List<String>> changed)
            throws InterruptedException {
        long committed = System.nanoTime();
        // A different page size each time: every poll is a new listing, not one the catalog cache already holds.
        for (int limit = 100; limit > 1; limit--) {
            List<String> found = search(word, filter + "&limit=" + limit);
            long elapsed = (System.nanoTime() - committed) / 1_000_000;
            if (changed.test(found)) {
                assertTrue(elapsed <= FOUND_WITHIN_MILLIS, "found after " + elapsed + " ms");
                return;
            }
            if (elapsed > FOUND_WITHIN_MILLIS) {
                fail("search=" + word + filter + " still gave " + found + " " + elapsed + " ms after the commit");
            }
            Thread.sleep(20);
        }
        fail("not found");
    }

    private List<String> search(String word, String filter) {
        Reply listed = api.get("/products?category_id=" + category + "&search=" + word + filter, null);
        assertEquals(200, listed.status(), listed.toString());
        return Catalog.ids(listed);
    }

    /** The same listing as PostgreSQL answers it from its own full-text index. */
    private List<String> fromDatabase(String search, String filter) {
        StringBuilder sql = new StringBuilder("SELECT CAST(p.id AS text) FROM products p"
                + " WHERE p.category_id = CAST(? AS uuid) AND p.archived_at IS NULL");
        List<Object> parameters = new ArrayList<>(List.of(category));
        if (search != null) {
            sql.append(" AND p.search_vector @@ websearch_to_tsquery('english', ?)");
            parameters.add(search);
        }
        if (filter.contains("in_stock=true")) {
            sql.append(" AND p.stock > 0");
        }
        if (filter.contains("min_price=10")) {
            sql.append(" AND p.price >= 10");
        }
        if (filter.contains("max_price=30")) {
            sql.append(" AND p.price <= 30");
        }
        if (filter.contains("max_price=20")) {
            sql.append(" AND p.price <= 20");
        }
        sql.append(" ORDER BY ").append(filter.contains("sort=-price") ? "p.price DESC, p.id DESC"
                : filter.contains("sort=price") ? "p.price, p.id"
                : filter.contains("sort=name") ? "p.name COLLATE \"C\", p.id"
                : "p.created_at DESC, p.id DESC");
        return Database.strings(sql.toString(), parameters.toArray());
    }

    private long stamp(UUID id) {
        return Database.number("SELECT CAST(CAST(search_xid AS text) AS bigint) FROM products WHERE id = ?", id);
    }

    private static String capitalized(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
