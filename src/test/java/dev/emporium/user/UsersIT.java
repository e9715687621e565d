package dev.emporium.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Accounts;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Api;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Tokens;
import jakarta.json.JsonObject;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /users endpoints: each success and error, ownership, and the admin-only ones. */
@ExtendWith(ArquillianExtension.class)
class UsersIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();

    @Test
    void meShowsTheAccountAndNeverTheHash() {
        Account ada = Accounts.newCustomer();
        Reply me = api.get("/users/me", ada.accessToken());
        assertEquals(200, me.status(), me.toString());
        JsonObject user = me.json();
        assertEquals(Set.of("id", "username", "email", "role", "active", "created_at"), user.keySet());
        assertEquals(ada.id(), user.getString("id"));
        assertEquals(ada.email(), user.getString("email"));
        assertEquals(ada.username(), user.getString("username"));
        assertEquals("CUSTOMER", user.getString("role"));
    }

    @Test
    void customersSeeOnlyThemselvesAdminsSeeAnyone() {
        Account ada = Accounts.newCustomer();
        Account bob = Accounts.newCustomer();
        Account admin = Accounts.admin();
        assertEquals(ada.email(), api.get("/users/" + ada.id(), ada.accessToken()).string("email"));

        Reply other = api.get("/users/" + ada.id(), bob.accessToken());
        assertEquals(404, other.status());
        assertEquals("USER_NOT_FOUND", other.errorCode());
        assertTrue(!other.body().contains(ada.email()), "nothing of the other account leaks");

        assertEquals(ada.email(), api.get("/users/" + ada.id(), admin.accessToken()).string("email"));
        Reply unknown = api.get("/users/" + UUID.randomUUID(), admin.accessToken());
        assertEquals(404, unknown.status());
        assertEquals("USER_NOT_FOUND", unknown.errorCode());
    }

    @Test
    void ownerUpdatesNameAndNormalisedEmail() {
        Account ada = Accounts.newCustomer();
        String name = "renamed" + UUID.randomUUID().toString().substring(0, 8);
        Reply updated = api.put("/users/" + ada.id(),
                "{\"username\": \"%s\", \"email\": \" %s@Example.COM \"}".formatted(name, name), ada.accessToken());
        assertEquals(200, updated.status(), updated.toString());
        assertEquals("User updated successfully", updated.string("message"));
        assertEquals(ada.id(), updated.string("user_id"));

        JsonObject me = api.get("/users/me", ada.accessToken()).json();
        assertEquals(name, me.getString("username"));
        assertEquals(name + "@example.com", me.getString("email"));
    }

    @Test
    void personalNamesAreOptionalOnRegistrationAndProfile() {
        String name = "named" + UUID.randomUUID().toString().substring(0, 8);
        Reply registered = api.post("/auth/register", """
                {"username": "%s", "email": "%s@example.com", "password": "%s", "first_name": " Ada ", "last_name": "Lovelace"}"""
                .formatted(name, name, Accounts.PASSWORD), null);
        assertEquals(201, registered.status(), registered.toString());
        Account ada = Accounts.login(api, registered.string("user_id"), name + "@example.com", name, Accounts.PASSWORD);
        JsonObject me = api.get("/users/me", ada.accessToken()).json();
        assertEquals("Ada", me.getString("first_name"));
        assertEquals("Lovelace", me.getString("last_name"));
        assertEquals(Set.of("id", "username", "email", "first_name", "last_name", "role", "active", "created_at"), me.keySet());

        Reply renamed = api.put("/users/" + ada.id(), """
                {"username": "%s", "email": "%s@example.com", "first_name": "Augusta Ada", "last_name": "King"}"""
                .formatted(name, name), ada.accessToken());
        assertEquals(200, renamed.status(), renamed.toString());
        JsonObject viewed = api.get("/users/" + ada.id(), Accounts.admin().accessToken()).json();
        assertEquals("Augusta Ada", viewed.getString("first_name"));
        assertEquals("King", viewed.getString("last_name"));

        Reply cleared = api.put("/users/" + ada.id(), "{\"username\": \"%s\", \"email\": \"%s@example.com\"}".formatted(name, name),
                ada.accessToken());
        assertEquals(200, cleared.status(), cleared.toString());
        assertFalse(api.get("/users/me", ada.accessToken()).json().containsKey("first_name"), "PUT replaces: left out is cleared");

        Reply tooLong = api.put("/users/" + ada.id(), "{\"username\": \"%s\", \"email\": \"%s@example.com\", \"last_name\": \"%s\"}"
                .formatted(name, name, "x".repeat(101)), ada.accessToken());
        assertEquals(400, tooLong.status(), tooLong.toString());
        assertEquals("VALIDATION_FAILED", tooLong.errorCode());
        assertEquals("last_name", tooLong.json().getJsonArray("details").getJsonObject(0).getString("field"));
    }

    @Test
    void updateRefusesTakenNamesInvalidInputAndOthersAccounts() {
        Account ada = Accounts.newCustomer();
        Account bob = Accounts.newCustomer();
        Reply emailTaken = api.put("/users/" + ada.id(),
                "{\"username\": \"%s\", \"email\": \"%s\"}".formatted(ada.username(), bob.email()), ada.accessToken());
        assertEquals(409, emailTaken.status());
        assertEquals("EMAIL_TAKEN", emailTaken.errorCode());
        Reply nameTaken = api.put("/users/" + ada.id(),
                "{\"username\": \"%s\", \"email\": \"%s\"}".formatted(bob.username().toUpperCase(), ada.email()), ada.accessToken());
        assertEquals(409, nameTaken.status());
        assertEquals("USERNAME_TAKEN", nameTaken.errorCode());
        Reply invalid = api.put("/users/" + ada.id(), "{\"username\": \"\", \"email\": \"nope\"}", ada.accessToken());
        assertEquals(400, invalid.status());
        assertEquals("VALIDATION_FAILED", invalid.errorCode());
        Reply others = api.put("/users/" + bob.id(),
                "{\"username\": \"%s\", \"email\": \"%s\"}".formatted(bob.username(), bob.email()), ada.accessToken());
        assertEquals(404, others.status());
        assertEquals("USER_NOT_FOUND", others.errorCode());

        Account admin = Accounts.admin();
        String name = "byadmin" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(200, api.put("/users/" + bob.id(),
                "{\"username\": \"%s\", \"email\": \"%s\"}".formatted(name, bob.email()), admin.accessToken()).status());
        assertEquals(name, api.get("/users/me", bob.accessToken()).string("username"));
    }

    @Test
    void deactivationIsSoftEndsSessionsAndIsOwnerOrAdminOnly() {
        Account ada = Accounts.newCustomer();
        Account bob = Accounts.newCustomer();
        Reply others = api.delete("/users/" + bob.id(), ada.accessToken());
        assertEquals(404, others.status());
        assertEquals("USER_NOT_FOUND", others.errorCode());

        Reply deactivated = api.delete("/users/" + ada.id(), ada.accessToken());
        assertEquals(200, deactivated.status(), deactivated.toString());
        assertEquals("{\"message\":\"User deactivated successfully\"}", deactivated.body());
        assertEquals(401, api.post("/auth/refresh", "{\"refresh_token\": \"" + ada.refreshToken() + "\"}", null).status());
        assertEquals(401, api.post("/auth/login", Accounts.credentials(ada.email(), Accounts.PASSWORD), null).status());

        Account admin = Accounts.admin();
        assertEquals(ada.id(), api.get("/users/" + ada.id(), admin.accessToken()).string("id"), "the account is kept");
        assertEquals(200, api.delete("/users/" + bob.id(), admin.accessToken()).status());
    }

    @Test
    void adminListsAndSearchesAccountsInPages() {
        Account admin = Accounts.admin();
        Account ada = Accounts.newCustomer();
        Reply page = api.get("/users?page=1&limit=2", admin.accessToken());
        assertEquals(200, page.status(), page.toString());
        JsonObject body = page.json();
        assertEquals(Set.of("data", "total", "page", "limit", "offset"), body.keySet());
        assertEquals(1, body.getInt("page"));
        assertEquals(2, body.getInt("limit"));
        assertTrue(body.getJsonArray("data").size() <= 2);
        assertTrue(body.getJsonNumber("total").longValue() >= 2);

        JsonObject found = api.get("/users?search=" + ada.username().toUpperCase(), admin.accessToken()).json();
        assertEquals(1, found.getJsonNumber("total").longValue());
        assertEquals(ada.id(), found.getJsonArray("data").getJsonObject(0).getString("id"));
        JsonObject byEmail = api.get("/users?search=" + ada.email(), admin.accessToken()).json();
        assertEquals(1, byEmail.getJsonNumber("total").longValue());
        JsonObject beyond = api.get("/users?page=100000&limit=100", admin.accessToken()).json();
        assertEquals(0, beyond.getJsonArray("data").size(), "a page past the end is empty");

        JsonObject byOffset = api.get("/users?offset=1&limit=1", admin.accessToken()).json();
        assertEquals(1, byOffset.getInt("offset"));
        assertEquals(api.get("/users?page=2&limit=1", admin.accessToken()).json().getJsonArray("data"),
                byOffset.getJsonArray("data"), "offset 1 of 1 per page is page 2");
        for (String query : new String[] {"page=0", "limit=0", "limit=101", "offset=-1", "offset=1.5"}) {
            Reply bad = api.get("/users?" + query, admin.accessToken());
            assertEquals(400, bad.status(), query);
            assertEquals("VALIDATION_FAILED", bad.errorCode());
        }
        Reply customer = api.get("/users", ada.accessToken());
        assertEquals(403, customer.status());
        assertEquals("FORBIDDEN", customer.errorCode());
    }

    @Test
    void adminChangesRolesWhichTakeEffectWithTheNextToken() {
        Account admin = Accounts.admin();
        Account ada = Accounts.newCustomer();
        Reply refused = api.put("/users/" + ada.id() + "/role", "{\"role\": \"ADMIN\"}", ada.accessToken());
        assertEquals(403, refused.status());
        assertEquals("FORBIDDEN", refused.errorCode());

        Reply promoted = api.put("/users/" + ada.id() + "/role", "{\"role\": \"ADMIN\"}", admin.accessToken());
        assertEquals(200, promoted.status(), promoted.toString());
        assertEquals("ADMIN", promoted.string("role"));
        Account relogged = Accounts.login(api, ada.id(), ada.email(), ada.username(), Accounts.PASSWORD);
        assertEquals("[\"ADMIN\"]", Tokens.claims(relogged.accessToken()).getJsonArray("groups").toString());
        assertEquals(200, api.get("/users", relogged.accessToken()).status());

        Reply invalid = api.put("/users/" + ada.id() + "/role", "{\"role\": \"ROOT\"}", admin.accessToken());
        assertEquals(400, invalid.status(), invalid.toString());
        assertEquals("INVALID_BODY", invalid.errorCode());
        assertTrue(!invalid.body().contains("dev.emporium"), "no class names in errors: " + invalid.body());
        Reply unknown = api.put("/users/" + UUID.randomUUID() + "/role", "{\"role\": \"ADMIN\"}", admin.accessToken());
        assertEquals(404, unknown.status());
        assertEquals("USER_NOT_FOUND", unknown.errorCode());
    }

    @Test
    void bootstrapAdministratorExistsFromTheEnvironment() {
        Account admin = Accounts.admin();
        assertEquals("ADMIN", api.get("/users/me", admin.accessToken()).string("role"));
    }
}
