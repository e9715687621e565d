package dev.emporium.web.ratelimit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A route group with an allowance of its own: the routes it covers, how many requests a client may make in a
 * minute, and who the client is. Groups come from configuration (RateLimitPolicy).
 */
public record RateLimitGroup(String name, List<Route> routes, int perMinute, CountedPer countedPer) {

    /** Who draws on an allowance. */
    public enum CountedPer {
        /** The caller's address, whatever token it shows: for sign-in, where there is no user yet to count. */
        ADDRESS,
        /** The user when the request carries a valid token, the caller's address otherwise. */
        CLIENT
    }

    /** Whether a route of the group matches; the path as Route.segments splits it. */
    public boolean covers(String method, String[] path) {
        return routes.stream().anyMatch(route -> route.matches(method, path));
    }

    /**
     * One "METHOD /path" rule, the path relative to /api/v1. METHOD is an HTTP method or * for any; in the path, *
     * stands for exactly one segment and a final ** for any number of them (none included).
     */
    public record Route(String method, List<String> pattern) {

        public static Route parse(String rule) {
            String[] parts = rule.strip().split("\\s+");
            if (parts.length != 2 || !parts[1].startsWith("/") || !parts[0].matches("\\*|[A-Za-z]+")) {
                throw new IllegalArgumentException("a route is \"METHOD /path\" (METHOD or * for any), not \"" + rule + "\"");
            }
            List<String> pattern = Arrays.asList(segments(parts[1]));
            int wildcard = pattern.indexOf("**");
            if (wildcard >= 0 && wildcard != pattern.size() - 1) {
                throw new IllegalArgumentException("** may only end a route's path: \"" + rule + "\"");
            }
            return new Route(parts[0].toUpperCase(Locale.ROOT), List.copyOf(pattern));
        }

        public static String[] segments(String path) {
            String trimmed = path.replaceAll("^/+|/+$", "");
            return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
        }

        boolean matches(String requestMethod, String[] path) {
            if (!"*".equals(method) && !method.equalsIgnoreCase(requestMethod)) {
                return false;
            }
            for (int i = 0; i < pattern.size(); i++) {
                String expected = pattern.get(i);
                if ("**".equals(expected)) {
                    return true;
                }
                if (i >= path.length || !("*".equals(expected) || expected.equals(path[i]))) {
                    return false;
                }
            }
            return path.length == pattern.size();
        }
    }
}
