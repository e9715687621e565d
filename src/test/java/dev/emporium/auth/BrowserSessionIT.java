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
import dev.emporium.testing.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A web page's session (X-Emporium-Session: cookie): the refresh token only ever in an HttpOnly, SameSite=Strict
 * cookie for the auth endpoints, rotated on each refresh (a spent one renews only within a short grace, for a page
 * that never got the answer), ignored without the header, taken back at sign-out; the access token shorter-lived
 * than an API client's (the test server's browser lifetime is 20 s).
 */
@ExtendWith(ArquillianExtension.class)
class BrowserSessionIT {

    private static final String[] COOKIE_MODE = {"X-Emporium-Session", "cookie"};

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();

    @Test
    void loginKeepsTheRefreshTokenInAnHttpOnlyStrictCookieForTheAuthEndpointsOnly() {
        Account ada = Accounts.newCustomer();
        Reply login = api.call("POST", "/auth/login", Accounts.credentials(ada.email(), Accounts.PASSWORD), null, COOKIE_MODE);
        assertEquals(200, login.status(), login.toString());
        assertFalse(login.json().containsKey("refresh_token"), "the body has no refresh token: " + login.body());
        assertEquals(20, login.json().getInt("expires_in"), "a page's access token lives the browser lifetime");
        assertTrue(login.header("Cache-Control").orElse("").startsWith("no-store"), login.header("Cache-Control").orElse(""));
        Map<String, String> cookies = setCookies(login);
        String refresh = cookies.get("emporium_refresh");
        assertTrue(refresh.contains("HttpOnly"), refresh);
        assertTrue(refresh.contains("SameSite=Strict"), refresh);
        assertTrue(refresh.contains("Path=/api/v1/auth"), refresh);
        assertFalse(refresh.contains("Secure"), "plain HTTP here; Secure over HTTPS: " + refresh);
        String marker = cookies.get("emporium_session");
        assertFalse(marker.contains("HttpOnly"), "the page may read that a session exists: " + marker);
        assertTrue(marker.startsWith("emporium_session=1;"), marker);

        Reply me = api.get("/users/me", login.string("access_token"));
        assertEquals(200, me.status(), me.toString());

        // Behind OpenShift's router TLS ends at the proxy, which says so (TRUSTED_PROXIES): the cookies are Secure.
        Reply proxied = api.call("POST", "/auth/login", Accounts.credentials(ada.email(), Accounts.PASSWORD), null,
                COOKIE_MODE[0], COOKIE_MODE[1], "X-Forwarded-Proto", "https");
        assertEquals(200, proxied.status(), proxied.toString());
        setCookies(proxied).values().forEach(cookie -> assertTrue(cookie.contains("Secure"), cookie));

        Reply json = api.post("/auth/login", Accounts.credentials(ada.email(), Accounts.PASSWORD), null);
        assertTrue(json.json().containsKey("refresh_token"), "API clients keep the JSON contract");
        assertTrue(json.response().headers().allValues("Set-Cookie").isEmpty(), "and get no cookie");
        assertEquals(900, json.json().getInt("expires_in"));
    }

    @Test
    void refreshSpendsTheCookieSetsTheNextAndNeedsTheHeader() {
        List<Reply> reused = new ArrayList<>();
        Account ada = Accounts.newCustomer();
        Reply login = api.call("POST", "/auth/login", Accounts.credentials(ada.email(), Accounts.PASSWORD), null, COOKIE_MODE);
        String first = value(setCookies(login).get("emporium_refresh"));

        Reply withoutHeader = api.call("POST", "/auth/refresh", "{}", null, "Cookie", "emporium_refresh=" + first);
        assertEquals(400, withoutHeader.status(), "a cross-site form cannot add the header, so the cookie alone does nothing");
        assertEquals("VALIDATION_FAILED", withoutHeader.errorCode());

        Reply refreshed = api.call("POST", "/auth/refresh", "{}", null, "Cookie", "emporium_refresh=" + first, COOKIE_MODE[0], COOKIE_MODE[1]);
        assertEquals(200, refreshed.status(), refreshed.toString());
        assertFalse(refreshed.json().containsKey("refresh_token"));
        String second = value(setCookies(refreshed).get("emporium_refresh"));
        assertNotEquals(first, second, "rotated");
        assertEquals(200, api.get("/users/me", refreshed.string("access_token")).status());

        // A page left while its refresh was under way never got the next cookie: within the grace (3 s here) the
        // spent one still renews the session rather than ending it.
        Reply lostAnswer = api.call("POST", "/auth/refresh", "{}", null, "Cookie", "emporium_refresh=" + first, COOKIE_MODE[0], COOKIE_MODE[1]);
        assertEquals(200, lostAnswer.status(), lostAnswer.toString());
        assertEquals(200, api.get("/users/me", lostAnswer.string("access_token")).status());

        Poll.untilTrue(Duration.ofSeconds(10), "the grace to pass", () -> {
            Reply reuse = api.call("POST", "/auth/refresh", "{}", null, "Cookie", "emporium_refresh=" + first, COOKIE_MODE[0], COOKIE_MODE[1]);
            if (reuse.status() == 200) {
                return false;
            }
            reused.add(reuse);
            return true;
        });
        Reply reuse = reused.get(0);
        assertEquals(401, reuse.status());
        assertEquals("REFRESH_TOKEN_REUSED", reuse.errorCode());
        assertCleared(reuse);
        Reply afterReuse = api.call("POST", "/auth/refresh", "{}", null, "Cookie", "emporium_refresh=" + second, COOKIE_MODE[0], COOKIE_MODE[1]);
        assertEquals(401, afterReuse.status(), "the whole family is revoked");

        Reply noCookie = api.call("POST", "/auth/refresh", "{}", null, COOKIE_MODE);
        assertEquals(401, noCookie.status());
        assertEquals("INVALID_REFRESH_TOKEN", noCookie.errorCode());
    }

    @Test
    void signOutRevokesTheFamilyAndClearsTheCookies() {
        Account ada = Accounts.newCustomer();
        Reply login = api.call("POST", "/auth/login", Accounts.credentials(ada.email(), Accounts.PASSWORD), null, COOKIE_MODE);
        String refresh = value(setCookies(login).get("emporium_refresh"));
        Reply logout = api.call("POST", "/auth/logout", null, login.string("access_token"), COOKIE_MODE);
        assertEquals(204, logout.status(), logout.toString());
        assertCleared(logout);
        Reply after = api.call("POST", "/auth/refresh", "{}", null, "Cookie", "emporium_refresh=" + refresh, COOKIE_MODE[0], COOKIE_MODE[1]);
        assertEquals(401, after.status());
    }

    private static void assertCleared(Reply reply) {
        Map<String, String> cookies = setCookies(reply);
        for (String name : List.of("emporium_refresh", "emporium_session")) {
            String cookie = cookies.get(name);
            assertTrue(cookie != null && cookie.startsWith(name + "=;") && cookie.contains("Max-Age=0"), name + ": " + cookie);
        }
    }

    private static Map<String, String> setCookies(Reply reply) {
        return reply.response().headers().allValues("Set-Cookie").stream()
                .collect(Collectors.toMap(c -> c.substring(0, c.indexOf('=')), c -> c));
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }
}
