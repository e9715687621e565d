package dev.emporium.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /auth/register, /auth/login, /auth/refresh, /auth/logout: each success and each error. */
@ExtendWith(ArquillianExtension.class)
class AuthIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();

    private static String registration(String username, String email, String password) {
        return "{\"username\": \"%s\", \"email\": \"%s\", \"password\": \"%s\"}".formatted(username, email, password);
    }

    private static String unique() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void registrationCreatesACustomerWhateverRoleTheBodyClaims() {
        String name = unique();
        Reply registered = api.post("/auth/register", """
                {"username": "%s", "email": "%s@example.com", "password": "%s", "role": "ADMIN"}"""
                .formatted(name, name, Accounts.PASSWORD), null);
        assertEquals(201, registered.status(), registered.toString());
        assertEquals("User registered successfully", registered.string("message"));
        UUID id = UUID.fromString(registered.string("user_id"));

        Account account = Accounts.login(api, id.toString(), name + "@example.com", name, Accounts.PASSWORD);
        Reply me = api.get("/users/me", account.accessToken());
        assertEquals("CUSTOMER", me.string("role"));
        assertEquals(List.of("CUSTOMER"), Tokens.claims(account.accessToken()).getJsonArray("groups")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
    }

    @Test
    void emailIsNormalisedAndUnique() {
        String name = unique();
        Reply registered = api.post("/auth/register",
                registration(name, "  " + name.toUpperCase() + "@Example.COM ", Accounts.PASSWORD), null);
        assertEquals(201, registered.status(), registered.toString());
        Account account = Accounts.login(api, registered.string("user_id"), name + "@example.com", name, Accounts.PASSWORD);
        assertEquals(name + "@example.com", api.get("/users/me", account.accessToken()).string("email"));

        Reply taken = api.post("/auth/register", registration(unique(), name.toUpperCase() + "@example.com", Accounts.PASSWORD), null);
        assertEquals(409, taken.status(), taken.toString());
        assertEquals("EMAIL_TAKEN", taken.errorCode());
        assertEquals("email", taken.json().getJsonArray("details").getJsonObject(0).getString("field"));
    }

    @Test
    void usernameIsUniqueIgnoringCase() {
        String name = unique();
        assertEquals(201, api.post("/auth/register", registration(name, name + "@example.com", Accounts.PASSWORD), null).status());
        Reply taken = api.post("/auth/register", registration(name.toUpperCase(), unique() + "@example.com", Accounts.PASSWORD), null);
        assertEquals(409, taken.status(), taken.toString());
        assertEquals("USERNAME_TAKEN", taken.errorCode());
        assertEquals("username", taken.json().getJsonArray("details").getJsonObject(0).getString("field"));
    }

    @Test
    void weakPasswordsAreRefusedNamingTheField() {
        String name = unique();
        String email = name + "@example.com";
        for (String password : List.of("short-pass1", email, name + "@EXAMPLE.com", "password12345", "Qwerty123456")) {
            Reply refused = api.post("/auth/register", registration(name, email, password), null);
            assertEquals(400, refused.status(), password + " -> " + refused);
            assertEquals("WEAK_PASSWORD", refused.errorCode());
            assertEquals("password", refused.json().getJsonArray("details").getJsonObject(0).getString("field"));
        }
    }

    @Test
    void invalidRegistrationNamesEveryBadField() {
        Reply refused = api.post("/auth/register", "{\"username\": \"x\", \"email\": \"not-an-address\"}", null);
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("VALIDATION_FAILED", refused.errorCode());
        Set<String> fields = refused.json().getJsonArray("details").stream()
                .map(d -> d.asJsonObject().getString("field")).collect(Collectors.toSet());
        assertEquals(Set.of("username", "email", "password"), fields);

        Reply malformed = api.post("/auth/register", "{\"username\": ", null);
        assertEquals(400, malformed.status(), malformed.toString());
        assertEquals("INVALID_BODY", malformed.errorCode());
        Reply empty = api.post("/auth/register", "", null);
        assertEquals(400, empty.status(), empty.toString());
        empty.errorCode();
    }

    @Test
    void loginIssuesTokensWithTheDocumentedClaims() {
        Account account = Accounts.newCustomer();
        Reply login = api.post("/auth/login", Accounts.credentials(account.email(), Accounts.PASSWORD), null);
        assertEquals(200, login.status(), login.toString());
        assertEquals("no-store", login.header("Cache-Control").orElse(""), "no cache keeps the tokens");
        JsonObject body = login.json();
        assertEquals(Set.of("access_token", "refresh_token", "token_type", "expires_in"), body.keySet());
        assertEquals("Bearer", body.getString("token_type"));
        assertEquals(900, body.getInt("expires_in"), "default access token lifetime: 15 minutes");

        JsonObject claims = Tokens.claims(body.getString("access_token"));
        assertEquals(Tokens.ISSUER, claims.getString("iss"));
        assertEquals(account.id(), claims.getString("sub"));
        assertEquals(account.email(), claims.getString("upn"));
        assertEquals(body.getInt("expires_in"), claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue(),
                "expires_in tells the truth");
        assertFalse(claims.getString("jti").isBlank());
        assertNotEquals(body.getString("refresh_token"), account.refreshToken(), "every login starts a new session");
    }

    @Test
    void wrongPasswordAndUnknownEmailAnswerAlikeAndCostAlike() {
        Account account = Accounts.newCustomer();
        Reply wrongPassword = api.post("/auth/login", Accounts.credentials(account.email(), "not the password at all"), null);
        Reply unknownEmail = api.post("/auth/login", Accounts.credentials("nobody-" + unique() + "@example.com", "not the password at all"), null);
        assertEquals(401, wrongPassword.status());
        assertEquals("INVALID_CREDENTIALS", wrongPassword.errorCode());
        assertEquals(unknownEmail.errorCode(), wrongPassword.errorCode());
        // Apart from the request's own id, nothing tells the two apart.
        assertEquals(Json.createObjectBuilder(wrongPassword.json()).remove("request_id").build(),
                Json.createObjectBuilder(unknownEmail.json()).remove("request_id").build(), "nothing tells the two apart");

        // Both paths run one PBKDF2 verification; without the decoy an unknown e-mail would answer ~100x faster.
        // Interleaved medians, compared as a ratio (the machine is shared).
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        Api timing = Api.newClient();
        for (int i = 0; i < 4; i++) {
            known.add(timed(() -> timing.post("/auth/login", Accounts.credentials(account.email(), "wrong password " + UUID.randomUUID()), null)));
            unknown.add(timed(() -> timing.post("/auth/login", Accounts.credentials(unique() + "@example.com", "wrong password x"), null)));
        }
        double ratio = (double) median(unknown) / median(known);
        assertTrue(ratio > 0.5 && ratio < 2.0, "unknown/known e-mail login time ratio " + ratio);
    }

    @Test
    void deactivatedAccountCannotLogIn() {
        Account account = Accounts.newCustomer();
        assertEquals(200, api.delete("/users/" + account.id(), account.accessToken()).status());
        Reply login = api.post("/auth/login", Accounts.credentials(account.email(), Accounts.PASSWORD), null);
        assertEquals(401, login.status());
        assertEquals("INVALID_CREDENTIALS", login.errorCode());
    }

    @Test
    void refreshRotatesAndAReusedTokenRevokesTheWholeFamily() {
        Account account = Accounts.newCustomer();
        Reply first = api.post("/auth/refresh", refresh(account.refreshToken()), null);
        assertEquals(200, first.status(), first.toString());
        assertEquals("no-store", first.header("Cache-Control").orElse(""), "no cache keeps the tokens");
        assertEquals(Set.of("access_token", "refresh_token", "token_type", "expires_in"), first.json().keySet());
        String rotated = first.string("refresh_token");
        assertNotEquals(account.refreshToken(), rotated);
        assertEquals(200, api.get("/users/me", first.string("access_token")).status());

        Reply reuse = api.post("/auth/refresh", refresh(account.refreshToken()), null);
        assertEquals(401, reuse.status());
        assertEquals("REFRESH_TOKEN_REUSED", reuse.errorCode());
        Reply afterReuse = api.post("/auth/refresh", refresh(rotated), null);
        assertEquals(401, afterReuse.status(), "the reuse revoked the token rotated from it too");
        assertEquals("INVALID_REFRESH_TOKEN", afterReuse.errorCode());
    }

    @Test
    void unknownOrMissingRefreshTokenIsRefused() {
        Reply unknown = api.post("/auth/refresh", refresh("bm90LWEtcmVhbC10b2tlbg"), null);
        assertEquals(401, unknown.status());
        assertEquals("INVALID_REFRESH_TOKEN", unknown.errorCode());
        Reply missing = api.post("/auth/refresh", "{}", null);
        assertEquals(400, missing.status());
        assertEquals("VALIDATION_FAILED", missing.errorCode());
        for (String wrongType : List.of("12345", "true", "[\"a\"]", "{\"a\": 1}")) {
            Reply refused = api.post("/auth/refresh", "{\"refresh_token\": " + wrongType + "}", null);
            assertEquals(400, refused.status(), wrongType + " -> " + refused);
            assertEquals("INVALID_BODY", refused.errorCode());
            assertEquals("refresh_token", refused.json().getJsonArray("details").getJsonObject(0).getString("field"));
        }
    }

    @Test
    void aPasswordHoldingTheNulCharacterIsRefusedNotHashed() {
        String name = unique();
        Reply register = api.post("/auth/register", registration(name, name + "@example.com", "a long passphrase\\u0000 x"), null);
        assertEquals(400, register.status(), register.toString());
        assertEquals("INVALID_BODY", register.errorCode());
        assertEquals("password", register.json().getJsonArray("details").getJsonObject(0).getString("field"));
        Account account = Accounts.newCustomer();
        Reply login = api.post("/auth/login", Accounts.credentials(account.email(), Accounts.PASSWORD + "\\u0000"), null);
        assertEquals(400, login.status(), login.toString());
        assertEquals("INVALID_BODY", login.errorCode());
    }

    @Test
    void guessesFromElsewhereDoNotLockTheUserOutOfThePlaceTheyLogInFrom() throws InterruptedException {
        Account account = Accounts.newCustomer();
        Api home = Api.newClient();
        assertEquals(200, home.post("/auth/login", Accounts.credentials(account.email(), Accounts.PASSWORD), null).status());
        for (int i = 1; i <= 5; i++) {
            Api.newClient().post("/auth/login", Accounts.credentials(account.email(), "guess " + i), null);
        }
        Thread.sleep(2_100);
        // The sixth guess, after the first lock, locks the account for 4 s: the window the checks below need.
        assertEquals(401, Api.newClient().post("/auth/login", Accounts.credentials(account.email(), "guess 6"), null).status());
        Reply elsewhere = Api.newClient().post("/auth/login", Accounts.credentials(account.email(), Accounts.PASSWORD), null);
        assertEquals(429, elsewhere.status(), "the account is locked for addresses it has not logged in from: " + elsewhere);
        assertEquals("LOGIN_THROTTLED", elsewhere.errorCode());
        Reply fromHome = home.post("/auth/login", Accounts.credentials(account.email(), Accounts.PASSWORD), null);
        assertEquals(200, fromHome.status(), "but not for the user's own place: " + fromHome);
        Reply stillElsewhere = Api.newClient().post("/auth/login", Accounts.credentials(account.email(), Accounts.PASSWORD), null);
        assertEquals(429, stillElsewhere.status(), "and the user's success there gives guessers no fresh allowance");

        for (int i = 1; i <= 5; i++) {
            assertEquals(401, home.post("/auth/login", Accounts.credentials(account.email(), "typo " + i), null).status());
        }
        Reply homeLocked = home.post("/auth/login", Accounts.credentials(account.email(), Accounts.PASSWORD), null);
        assertEquals(429, homeLocked.status(), "a known place has a count of its own, and it locks too: " + homeLocked);
    }

    @Test
    void failedLoginsForOneAccountAreThrottledFromWhereverTheyCome() throws InterruptedException {
        Account account = Accounts.newCustomer();
        String nobody = "nobody-" + unique() + "@example.com";
        List<Reply> throttled = new ArrayList<>();
        for (String email : List.of(account.email(), nobody)) {
            for (int i = 1; i <= 5; i++) {
                // Each guess from an address of its own: the per-address limit never sees more than one.
                Reply guess = Api.newClient().post("/auth/login", Accounts.credentials(email, "wrong guess number " + i), null);
                assertEquals(401, guess.status(), email + " guess " + i + ": " + guess);
            }
            // Straight after the fifth guess, within the first lock (2 s on the test server), even the right password.
            throttled.add(Api.newClient().post("/auth/login", Accounts.credentials(email, Accounts.PASSWORD), null));
        }
        Reply realUser = throttled.get(0);
        Reply unknown = throttled.get(1);
        for (Reply refused : throttled) {
            assertEquals(429, refused.status(), refused.toString());
            assertEquals("LOGIN_THROTTLED", refused.errorCode());
            long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 2, "the first lock is short (2 s on the test server): " + retryAfter);
        }
        assertEquals(realUser.json().getString("message"), unknown.json().getString("message"),
                "the same answer whether or not the account exists");

        Thread.sleep(2_100);
        Reply wrongAgain = Api.newClient().post("/auth/login", Accounts.credentials(nobody, "wrong guess again"), null);
        assertEquals(401, wrongAgain.status(), "after the lock a guess is heard again: " + wrongAgain);
        Reply longer = Api.newClient().post("/auth/login", Accounts.credentials(nobody, "and again"), null);
        assertEquals(429, longer.status(), longer.toString());
        assertTrue(Long.parseLong(longer.header("Retry-After").orElseThrow()) >= 3, "each further guess locks for twice as long");

        Reply afterLock = Api.newClient().post("/auth/login", Accounts.credentials(account.email(), Accounts.PASSWORD), null);
        assertEquals(200, afterLock.status(), "the real user gets in once the short lock is over: " + afterLock);
        Reply slip = Api.newClient().post("/auth/login", Accounts.credentials(account.email(), "one typo"), null);
        assertEquals(401, slip.status(), "and a success starts the count over: " + slip);
    }

    @Test
    void logoutEndsTheSession() {
        Account account = Accounts.newCustomer();
        Reply logout = api.post("/auth/logout", null, account.accessToken());
        assertEquals(204, logout.status(), logout.toString());
        Reply refresh = api.post("/auth/refresh", refresh(account.refreshToken()), null);
        assertEquals(401, refresh.status());
        assertEquals("INVALID_REFRESH_TOKEN", refresh.errorCode());

        Reply anonymous = api.post("/auth/logout", null, null);
        assertEquals(401, anonymous.status());
        assertEquals("UNAUTHORIZED", anonymous.errorCode());
    }

    @Test
    void loginIsRateLimitedPerClientAddress() {
        Api client = Api.newClient();
        // A new e-mail each time: the per-account throttle must not be what stops these.
        for (int i = 0; i < 10; i++) {
            String attempt = Accounts.credentials("nobody-" + unique() + "@example.com", "not the password at all");
            assertEquals(401, client.post("/auth/login", attempt, null).status(), "attempt " + (i + 1));
        }
        String attempt = Accounts.credentials("nobody-" + unique() + "@example.com", "not the password at all");
        Reply limited = client.post("/auth/login", attempt, null);
        assertEquals(429, limited.status(), limited.toString());
        assertEquals("RATE_LIMITED", limited.errorCode());
        long retryAfter = Long.parseLong(limited.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

        assertEquals(401, Api.newClient().post("/auth/login", attempt, null).status(), "other clients are not limited");
    }

    @Test
    void registrationIsRateLimitedPerClientAddress() {
        Api client = Api.newClient();
        String weak = registration(unique(), unique() + "@example.com", "short");
        for (int i = 0; i < 10; i++) {
            assertEquals(400, client.post("/auth/register", weak, null).status(), "attempt " + (i + 1));
        }
        Reply limited = client.post("/auth/register", weak, null);
        assertEquals(429, limited.status(), limited.toString());
        assertEquals("RATE_LIMITED", limited.errorCode());
        assertTrue(limited.header("Retry-After").isPresent());
    }

    private static String refresh(String token) {
        return "{\"refresh_token\": \"" + token + "\"}";
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
