package dev.emporium.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Deployments;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /categories: the tree, reads, and admin writes with their errors. */
@ExtendWith(ArquillianExtension.class)
class CategoriesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();

    @Test
    void treeIsGivenByParentIds() {
        Account admin = Accounts.admin();
        String parent = Catalog.newCategory(admin);
        String slug = "child-" + Catalog.unique();
        Reply child = api.post("/categories", "{\"name\": \"Child\", \"slug\": \"%s\", \"parent_id\": \"%s\"}".formatted(slug, parent),
                admin.accessToken());
        assertEquals(201, child.status(), child.toString());
        assertEquals("/api/v1/categories/" + child.string("id"), child.header("Location").orElseThrow());
        assertEquals(parent, child.string("parent_id"));

        boolean listed = api.get("/categories", null).response().body().contains("\"slug\":\"" + slug + "\"");
        assertTrue(listed, "the list has the new category");
        JsonObject read = api.get("/categories/" + child.string("id"), null).json();
        assertEquals(slug, read.getString("slug"));
        assertEquals(parent, read.getString("parent_id"));
    }

    @Test
    void writesCheckTheirInput() {
        Account admin = Accounts.admin();
        String id = Catalog.newCategory(admin);
        String slug = api.get("/categories/" + id, null).string("slug");

        Reply taken = api.post("/categories", "{\"name\": \"Again\", \"slug\": \"%s\"}".formatted(slug), admin.accessToken());
        assertEquals(409, taken.status());
        assertEquals("SLUG_TAKEN", taken.errorCode());
        Reply badSlug = api.post("/categories", "{\"name\": \"Bad\", \"slug\": \"Not A Slug\"}", admin.accessToken());
        assertEquals(400, badSlug.status());
        assertEquals("slug", badSlug.json().getJsonArray("details").getJsonObject(0).getString("field"));
        Reply unknownParent = api.post("/categories", "{\"name\": \"Orphan\", \"slug\": \"o-%s\", \"parent_id\": \"%s\"}"
                .formatted(Catalog.unique(), UUID.randomUUID()), admin.accessToken());
        assertEquals(400, unknownParent.status());
        assertEquals("parent_id", unknownParent.json().getJsonArray("details").getJsonObject(0).getString("field"));
        Reply cycle = api.put("/categories/" + id, "{\"name\": \"Self\", \"slug\": \"%s\", \"parent_id\": \"%s\"}".formatted(slug, id),
                admin.accessToken());
        assertEquals(400, cycle.status(), cycle.toString());

        Reply renamed = api.put("/categories/" + id, "{\"name\": \"Renamed\", \"slug\": \"%s\"}".formatted(slug), admin.accessToken());
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals("Renamed", renamed.string("name"));

        assertEquals(400, api.get("/categories/not-a-uuid", null).status());
        Reply unknown = api.get("/categories/" + UUID.randomUUID(), null);
        assertEquals(404, unknown.status());
        assertEquals("CATEGORY_NOT_FOUND", unknown.errorCode());
    }

    @Test
    void onlyAnEmptyCategoryCanBeDeleted() {
        Account admin = Accounts.admin();
        String full = Catalog.newCategory(admin);
        String product = Catalog.newProduct(admin, full);
        Reply refused = api.delete("/categories/" + full, admin.accessToken());
        assertEquals(409, refused.status());
        assertEquals("CATEGORY_NOT_EMPTY", refused.errorCode());
        assertEquals(200, api.delete("/products/" + product, admin.accessToken()).status());
        assertEquals(409, api.delete("/categories/" + full, admin.accessToken()).status(),
                "archived products still need their category: old orders show them");

        String empty = Catalog.newCategory(admin);
        assertEquals(200, api.delete("/categories/" + empty, admin.accessToken()).status());
        assertEquals(404, api.get("/categories/" + empty, null).status());
    }
}
