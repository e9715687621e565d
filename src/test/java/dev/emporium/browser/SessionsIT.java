package dev.emporium.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Deployments;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The browser session: the access token lives in memory only and the refresh token in an HttpOnly cookie; a reload
 * keeps the shopper signed in, an expired access token is renewed without the shopper noticing, and signing out
 * ends the session for good.
 */
@ExtendWith(ArquillianExtension.class)
class SessionsIT {

    /** The test server gives browser sessions short access tokens (EMPORIUM_JWT_BROWSER_ACCESS_TOKEN_LIFETIME). */
    private static final Duration LONGEST_LIFETIME_TO_WAIT_OUT = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private Account shopper;

    @BeforeEach
    void setUp() {
        shopper = Accounts.newCustomer();
    }

    @Test
    void theRefreshTokenIsAnHttpOnlyCookieAndNoTokenIsStored() {
        try (Browser browser = Browser.desktop(SessionsIT.class)) {
            Storefront shop = new Storefront(browser);
            shop.signIn(shopper.email(), Accounts.PASSWORD);
            browser.go("/account");
            browser.page("account", "account");

            Map<String, Object> cookie = refreshCookie(browser).orElseThrow(() -> new AssertionError("no refresh cookie"));
            assertEquals(true, cookie.get("httpOnly"), "HttpOnly: " + cookie);
            assertEquals("Strict", cookie.get("sameSite"), "SameSite: " + cookie);
            assertEquals("/api/v1/auth", cookie.get("path"), "limited to the auth endpoints: " + cookie);
            String visibleToScripts = (String) browser.script("return document.cookie");
            assertFalse(visibleToScripts.contains("emporium_refresh"), "scripts cannot read it: " + visibleToScripts);
            String stored = (String) browser.script("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage)");
            assertFalse(stored.contains("eyJ"), "no token in web storage: " + stored);
        }
    }

    @Test
    void aReloadKeepsTheShopperSignedInAndSigningOutEndsTheSession() {
        try (Browser browser = Browser.desktop(SessionsIT.class)) {
            Storefront shop = new Storefront(browser);
            shop.signIn(shopper.email(), Accounts.PASSWORD);
            browser.go("/orders");
            browser.page("orders", "orders-signed-in");
            browser.reload();
            browser.view("orders");
            browser.awaitText("You have not ordered anything yet");
            assertTrue(shop.signedIn(), "still signed in after a reload");
            browser.check("orders-after-reload");

            browser.click("Sign out");
            browser.until(d -> shop.signedIn() ? null : true);
            browser.view("home");
            browser.check("signed-out");
            assertTrue(refreshCookie(browser).isEmpty(), "the cookie is cleared: " + refreshCookie(browser));
            browser.go("/orders");
            browser.page("orders", "orders-after-sign-out");
            browser.find(By.id("orders-signin-email"));
            assertFalse(shop.signedIn(), "a reload after signing out does not bring the session back");
        }
    }

    @Test
    void anExpiredAccessTokenIsRenewedWithoutTheShopperNoticing() {
        Duration lifetime = browserTokenLifetime();
        assertTrue(lifetime.compareTo(LONGEST_LIFETIME_TO_WAIT_OUT) <= 0, "the test server should give browser"
                + " sessions short access tokens (EMPORIUM_JWT_BROWSER_ACCESS_TOKEN_LIFETIME), not " + lifetime);
        try (Browser browser = Browser.desktop(SessionsIT.class)) {
            Storefront shop = new Storefront(browser);
            shop.signIn(shopper.email(), Accounts.PASSWORD);
            browser.go("/account");
            browser.page("account", "account-before-expiry");
            NetworkLog.responses(browser);

            // The page stays open, its timers frozen (as on a laptop whose lid is closed), past the token's lifetime:
            // the next action meets an expired token and must renew it on its own.
            browser.freezeFor(lifetime.plusSeconds(5));

            String renamed = "renamed" + ShopData.word();
            browser.type("username", renamed);
            browser.click("Save changes");
            browser.awaitText("Your profile is saved.");
            browser.check("account-saved-after-expiry");
            assertTrue(shop.signedIn(), "no sign-in was asked for");
            assertTrue(browser.all(By.cssSelector("form[aria-label='Sign in']")).isEmpty(), "no sign-in form appeared");

            List<NetworkLog.Response> responses = NetworkLog.responses(browser);
            assertTrue(responses.stream().anyMatch(r -> r.path().equals("/api/v1/auth/refresh") && r.ok()),
                    "the session was renewed: " + responses);
            assertEquals(renamed, Api.newClient().get("/users/me", Accounts.login(Api.newClient(), shopper.id(),
                    shopper.email(), renamed, Accounts.PASSWORD).accessToken()).string("username"));
        }
    }

    /** The access-token lifetime the server gives a browser (cookie-mode) sign-in. */
    private Duration browserTokenLifetime() {
        Api.Reply login = Api.newClient().call("POST", "/auth/login", Accounts.credentials(shopper.email(), Accounts.PASSWORD),
                null, "X-Emporium-Session", "cookie");
        assertEquals(200, login.status(), login.toString());
        assertFalse(login.json().containsKey("refresh_token"), "cookie mode keeps the refresh token out of the body");
        return Duration.ofSeconds(login.json().getJsonNumber("expires_in").longValue());
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> refreshCookie(Browser browser) {
        Map<String, Object> all = browser.cdp("Network.getAllCookies", Map.of());
        return ((List<Map<String, Object>>) all.get("cookies")).stream()
                .filter(c -> "emporium_refresh".equals(c.get("name")))
                .findFirst();
    }
}
