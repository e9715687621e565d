package dev.emporium.web;

/**
 * The route groups that have an allowance of their own, each set per minute with
 * EMPORIUM_RATE_LIMIT_&lt;GROUP&gt;_PER_MINUTE. Sign-in routes are counted per client address; the rest per user when
 * the request carries a valid token, per address otherwise.
 */
public enum RateLimitGroup {
    /** Login and registration: guessing passwords and mass sign-ups. */
    AUTH("auth", 10),
    /** Reads (GET, HEAD). */
    READ("read", 1200),
    /** Everything that changes something. */
    WRITE("write", 600);

    private final String key;
    private final int defaultPerMinute;

    RateLimitGroup(String key, int defaultPerMinute) {
        this.key = key;
        this.defaultPerMinute = defaultPerMinute;
    }

    public String key() {
        return key;
    }

    public int defaultPerMinute() {
        return defaultPerMinute;
    }

    static RateLimitGroup of(String method, String path) {
        if ("POST".equals(method) && (path.endsWith("auth/login") || path.endsWith("auth/register"))) {
            return AUTH;
        }
        return "GET".equals(method) || "HEAD".equals(method) ? READ : WRITE;
    }
}
