package dev.emporium.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which paths are the applications' routes, and how a page shell becomes a page with its policy. */
class AppPagesTest {

    @Test
    void clientRoutesArePagesFilesAndServerPathsAreNot() {
        for (String route : new String[] {"/", "/catalog", "/products/abc", "/admin", "/admin/orders/1", "/index.html",
                "/apiary", "/healthy-snacks"}) {
            assertTrue(AppPages.isPageRoute("GET", route), route);
        }
        assertTrue(AppPages.isPageRoute("HEAD", "/cart"));
        for (String path : new String[] {"/api", "/api/", "/api/v1/nothing", "/static/abc/js/x.js", "/webjars/lit/3.3.2/index.js",
                "/demo/products/x.svg", "/js/core/api.js", "/css/app.css", "/health", "/health/ready", "/metrics",
                "/openapi/ui/", "/favicon.ico", "/robots.txt", "/WEB-INF/web.xml"}) {
            assertFalse(AppPages.isPageRoute("GET", path), path);
        }
        assertFalse(AppPages.isPageRoute("POST", "/checkout"), "only reads answer pages");
    }

    @Test
    void aPageGetsItsStaticPrefixAndAPolicyThatAdmitsExactlyItsImportMap() throws Exception {
        String map = "\n{\"imports\": {\"lit\": \"/webjars/lit/3.3.2/index.js\"}}\n";
        Page page = Page.render("<link href=\"{{static}}/css/app.css\"><script type=\"importmap\">{{importmap}}"
                + "</script><script type=\"module\" src=\"{{static}}/js/main.js\"></script>", "/static/0123456789ab", map);
        assertTrue(page.html().contains("href=\"/static/0123456789ab/css/app.css\""));
        assertTrue(page.html().contains("src=\"/static/0123456789ab/js/main.js\""));
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(map.getBytes(StandardCharsets.UTF_8)));
        assertTrue(page.contentSecurityPolicy().contains("script-src 'self' 'sha256-" + hash + "';"),
                page.contentSecurityPolicy());
        assertFalse(page.contentSecurityPolicy().contains("unsafe"));
        assertTrue(page.html().contains("<script type=\"importmap\">" + map + "</script>"));
        assertEquals("script-src 'self';", Page.render("<p>no map</p>", "/s", map).contentSecurityPolicy()
                .replaceAll(".*(script-src [^;]*;).*", "$1"), "no import map, no hash");
        assertThrows(IllegalStateException.class, () -> Page.render(
                "<script type=\"importmap\">{}</script><script type=\"importmap\">{}</script>", "/s", map));
    }

    /** The import map names exactly the WebJar versions pom.xml pins (a WebJar missing from the WAR fails to load). */
    @Test
    void theImportMapNamesTheVersionsThePomPins() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String map = Files.readString(Path.of("src/main/webapp/WEB-INF/pages/importmap.json"));
        Map<String, String> webJars = Map.of("lit", "lit.version", "lit-html", "lit-html.version",
                "lit-element", "lit-element.version", "lit__reactive-element", "lit-reactive-element.version");
        webJars.forEach((webJar, property) -> {
            Matcher pinned = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)<").matcher(pom);
            assertTrue(pinned.find(), property + " in pom.xml");
            Set<String> mapped = Pattern.compile("/webjars/" + Pattern.quote(webJar) + "/([^/]+)/").matcher(map).results()
                    .map(m -> m.group(1)).collect(Collectors.toSet());
            assertEquals(Set.of(pinned.group(1)), mapped, webJar);
        });
    }
}
