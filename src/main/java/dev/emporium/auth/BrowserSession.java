package dev.emporium.auth;

import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;

/**
 * The session of a web page (docs/storefront.md): the refresh token lives in an HttpOnly cookie that scripts cannot
 * read and that only the auth endpoints receive, and a readable companion cookie tells the page that a session may
 * exist (so that a visitor who never signed in makes no refresh call at all). A client asks for it with the header
 * {@code X-Emporium-Session: cookie} on every auth call: a cross-site form cannot send a custom header, so the cookie
 * alone never refreshes, and API clients that do not send it keep the JSON contract.
 */
public final class BrowserSession {

    public static final String HEADER = "X-Emporium-Session";
    static final String MODE = "cookie";
    public static final String REFRESH_COOKIE = "emporium_refresh";
    static final String MARKER_COOKIE = "emporium_session";
    static final String AUTH_PATH = "/api/v1/auth";

    private BrowserSession() {
    }

    static boolean requested(String header) {
        return header != null && MODE.equalsIgnoreCase(header.strip());
    }

    /** The refresh token, for the auth endpoints only. */
    static NewCookie refresh(String token, Duration lifetime, boolean secure) {
        return cookie(REFRESH_COOKIE, token, AUTH_PATH, lifetime, secure, true);
    }

    /** "A session may exist": carries no secret, so the page's scripts may read it. */
    static NewCookie marker(Duration lifetime, boolean secure) {
        return cookie(MARKER_COOKIE, "1", "/", lifetime, secure, false);
    }

    static NewCookie[] cleared(boolean secure) {
        return new NewCookie[] {
            cookie(REFRESH_COOKIE, "", AUTH_PATH, Duration.ZERO, secure, true),
            cookie(MARKER_COOKIE, "", "/", Duration.ZERO, secure, false)
        };
    }

    private static NewCookie cookie(String name, String value, String path, Duration maxAge, boolean secure,
                                    boolean httpOnly) {
        return new NewCookie.Builder(name)
                .value(value)
                .path(path)
                .maxAge((int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds()))
                .secure(secure)
                .httpOnly(httpOnly)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
