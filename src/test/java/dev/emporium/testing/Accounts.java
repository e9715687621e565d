package dev.emporium.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.UUID;

/** Creates accounts and logs them in through the API, for tests that need callers. */
public final class Accounts {

    public static final String PASSWORD = "a perfectly long passphrase";
    /** The bootstrap administrator the test server is started with (failsafe environment in pom.xml). */
    public static final String ADMIN_EMAIL = "it-admin@emporium.test";
    public static final String ADMIN_PASSWORD = "It-Admin-Passphrase-2026";

    private static volatile String adminUsername;

    private Accounts() {
    }

    /** A registered and logged-in account. */
    public record Account(String id, String email, String username, String accessToken, String refreshToken) {
    }

    public static Account newCustomer() {
        String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String email = name + "@example.com";
        Api api = Api.newClient();
        Api.Reply registered = api.post("/auth/register", """
                {"username": "%s", "email": "%s", "password": "%s"}""".formatted(name, email, PASSWORD), null);
        assertEquals(201, registered.status(), registered.toString());
        return login(api, registered.string("user_id"), email, name, PASSWORD);
    }

    /** A new account made ADMIN by the given admin, logged in again so that its token says so. */
    public static Account newAdmin(Account admin) {
        Account account = newCustomer();
        Api api = Api.newClient();
        Api.Reply promoted = api.put("/users/" + account.id() + "/role", "{\"role\": \"ADMIN\"}", admin.accessToken());
        assertEquals(200, promoted.status(), promoted.toString());
        return login(api, account.id(), account.email(), account.username(), PASSWORD);
    }

    /**
     * The bootstrap administrator, logged in afresh. Its id is the token's subject; its username is asked for once:
     * GET /users/me is rate-limited per account (40 a minute on the test server), and tests ask for the admin often.
     */
    public static Account admin() {
        Api api = Api.newClient();
        Api.Reply login = api.post("/auth/login", credentials(ADMIN_EMAIL, ADMIN_PASSWORD), null);
        assertEquals(200, login.status(), login.toString());
        JsonObject tokens = login.json();
        String accessToken = tokens.getString("access_token");
        if (adminUsername == null) {
            Api.Reply me = api.get("/users/me", accessToken);
            assertEquals(200, me.status(), me.toString());
            adminUsername = me.string("username");
        }
        return new Account(Tokens.claims(accessToken).getString("sub"), ADMIN_EMAIL, adminUsername, accessToken,
                tokens.getString("refresh_token"));
    }

    public static Account login(Api api, String id, String email, String username, String password) {
        Api.Reply login = api.post("/auth/login", credentials(email, password), null);
        assertEquals(200, login.status(), login.toString());
        return new Account(id, email, username, login.string("access_token"), login.string("refresh_token"));
    }

    public static String credentials(String email, String password) {
        return "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password);
    }
}
