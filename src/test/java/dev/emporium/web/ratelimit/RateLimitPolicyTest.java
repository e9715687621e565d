package dev.emporium.web.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.web.ratelimit.RateLimitGroup.CountedPer;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Route groups as configured: which group takes which request, and configuration mistakes named at startup. */
class RateLimitPolicyTest {

    private static Map<String, String> shipped() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
            properties.load(reader);
        }
        Map<String, String> settings = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }

    private static List<RateLimitGroup> read(Map<String, String> settings) {
        return RateLimitPolicy.read(name -> Optional.ofNullable(settings.get(name)));
    }

    private static String groupFor(List<RateLimitGroup> groups, String method, String path) {
        String[] segments = RateLimitGroup.Route.segments(path);
        return groups.stream().filter(group -> group.covers(method, segments)).findFirst().map(RateLimitGroup::name).orElse("none");
    }

    @Test
    void theShippedGroupsSplitSignInReadsAndWrites() throws IOException {
        List<RateLimitGroup> groups = read(shipped());
        assertEquals(List.of("auth", "read", "write"), groups.stream().map(RateLimitGroup::name).toList());
        assertEquals(CountedPer.ADDRESS, groups.get(0).countedPer());
        assertEquals(List.of(10, 1200, 600), groups.stream().map(RateLimitGroup::perMinute).toList());
        assertEquals("auth", groupFor(groups, "POST", "/auth/login"));
        assertEquals("auth", groupFor(groups, "POST", "auth/register"));
        assertEquals("write", groupFor(groups, "POST", "/auth/refresh"));
        assertEquals("read", groupFor(groups, "GET", "/auth/login"));
        assertEquals("read", groupFor(groups, "GET", "/products/4f1c/images"));
        assertEquals("read", groupFor(groups, "HEAD", "/"));
        assertEquals("write", groupFor(groups, "DELETE", "/orders/42/attention"));
        assertEquals("write", groupFor(groups, "PATCH", "/products/1"));
    }

    @Test
    void aGroupOfOnesOwnTakesItsRoutesBeforeTheGroupsAfterIt() throws IOException {
        Map<String, String> settings = shipped();
        settings.put("emporium.rate-limit.groups", "auth, uploads ,checkout,read,write");
        settings.put("emporium.rate-limit.uploads.routes", "POST /products/*/images, put /products/*/images/*");
        settings.put("emporium.rate-limit.uploads.per-minute", "30");
        settings.put("emporium.rate-limit.checkout.routes", "POST /orders");
        settings.put("emporium.rate-limit.checkout.per-minute", " 5 ");
        List<RateLimitGroup> groups = read(settings);
        assertEquals(30, groups.get(1).perMinute());
        assertEquals(CountedPer.CLIENT, groups.get(1).countedPer(), "per user unless told otherwise");
        assertEquals("uploads", groupFor(groups, "POST", "/products/p1/images"));
        assertEquals("uploads", groupFor(groups, "PUT", "/products/p1/images/i2/"));
        assertEquals("write", groupFor(groups, "POST", "/products/p1/images/i2/extra"), "* is one segment");
        assertEquals("write", groupFor(groups, "POST", "/products//images"), "* is not no segment");
        assertEquals("read", groupFor(groups, "GET", "/products/p1/images"));
        assertEquals("checkout", groupFor(groups, "POST", "/orders"));
        assertEquals("write", groupFor(groups, "POST", "/orders/o1/cancel"));
    }

    @Test
    void requestsNoGroupCoversAreNotLimited() {
        List<RateLimitGroup> groups = read(Map.of("emporium.rate-limit.groups", "auth",
                "emporium.rate-limit.auth.routes", "POST /auth/**", "emporium.rate-limit.auth.per-minute", "3"));
        assertEquals("auth", groupFor(groups, "POST", "/auth"), "** includes no segment at all");
        assertEquals("auth", groupFor(groups, "POST", "/auth/login/x"));
        assertEquals("none", groupFor(groups, "GET", "/auth/login"));
        assertEquals(List.of(), read(Map.of()), "no groups configured: no limits");
    }

    @Test
    void mistakesNameTheSettingAndTheProblem() {
        Map<String, String> valid = Map.of("emporium.rate-limit.groups", "g",
                "emporium.rate-limit.g.routes", "GET /x", "emporium.rate-limit.g.per-minute", "1");
        assertEquals(1, read(valid).size());
        Map<Map<String, String>, String> mistakes = Map.of(
                Map.of("emporium.rate-limit.groups", "Bad-Name"), "emporium.rate-limit.groups",
                with(valid, "emporium.rate-limit.g.routes", ""), "emporium.rate-limit.g.routes: group g names no route",
                with(valid, "emporium.rate-limit.g.routes", "GET x"), "emporium.rate-limit.g.routes: a route is",
                with(valid, "emporium.rate-limit.g.routes", "/x"), "emporium.rate-limit.g.routes",
                with(valid, "emporium.rate-limit.g.routes", "GET /**/x"), "** may only end",
                with(valid, "emporium.rate-limit.g.per-minute", "0"), "emporium.rate-limit.g.per-minute: a whole number",
                with(valid, "emporium.rate-limit.g.per-minute", "many"), "emporium.rate-limit.g.per-minute",
                with(valid, "emporium.rate-limit.g.per-minute", null), "emporium.rate-limit.g.per-minute: missing",
                with(valid, "emporium.rate-limit.g.counted-per", "user"), "emporium.rate-limit.g.counted-per: address or client");
        mistakes.forEach((settings, expected) -> {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> read(settings), settings::toString);
            assertTrue(refused.getMessage().contains(expected), refused.getMessage() + " should say " + expected);
        });
    }

    private static Map<String, String> with(Map<String, String> settings, String name, String value) {
        Map<String, String> changed = new HashMap<>(settings);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return changed;
    }
}
