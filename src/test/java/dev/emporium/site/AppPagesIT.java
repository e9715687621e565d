package dev.emporium.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Deployments;
import dev.emporium.testing.ErrorFormat;
import dev.emporium.testing.Http;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web application's delivery: every client-side route answers its page, files and the API pass through, the
 * pages carry a Content-Security-Policy that admits exactly their import map, and the versioned files are cached
 * for good and compressed.
 */
@ExtendWith(ArquillianExtension.class)
class AppPagesIT {

    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);
    private static final Pattern MAPPED = Pattern.compile("\"(/webjars/[^\"]+\\.js)\"");
    private static final Pattern STATIC_REF = Pattern.compile("(?:href|src)=\"(/static/[0-9a-f]{12}/[^\"]+)\"");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @Test
    void everyClientRouteAnswersItsApplicationAndTheApiKeepsItsJson404() {
        for (String route : List.of("/", "/catalog?category=books&page=2", "/products/0c5e6f7a-0000-4000-8000-000000000000",
                "/orders/42", "/checkout", "/no/such/page")) {
            HttpResponse<String> page = get(route, "text/html");
            assertEquals(200, page.statusCode(), route);
            assertTrue(page.body().contains("/js/storefront/main.js"), route + " answers the storefront");
        }
        for (String route : List.of("/admin", "/admin/", "/admin/orders/42", "/admin/products?search=lamp")) {
            HttpResponse<String> page = get(route, "text/html");
            assertEquals(200, page.statusCode(), route);
            assertTrue(page.body().contains("/js/admin/main.js"), route + " answers the console");
        }
        HttpResponse<String> unknownApi = get("/api/v1/no-such-thing", "text/html");
        assertEquals(404, unknownApi.statusCode());
        assertEquals(null, ErrorFormat.problem(unknownApi), unknownApi.body());
        assertTrue(unknownApi.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertFalse(get("/error", "text/html").body().contains("/js/storefront/main.js"),
                "a path a servlet of the application claims is that servlet's, not a page");
        assertEquals(404, get("/js/no-such-file.js", "*/*").statusCode(), "a missing file is not a page");
        assertEquals(404, get("/WEB-INF/pages/storefront.html", "*/*").statusCode());
        assertEquals(404, get("/static/0123456789ab/WEB-INF/web.xml", "*/*").statusCode());
    }

    @Test
    void pagesAdmitOnlyTheirImportMapAndCannotBeFramed() throws Exception {
        for (String route : List.of("/", "/admin/")) {
            HttpResponse<String> page = get(route, "text/html");
            String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            Matcher map = IMPORT_MAP.matcher(page.body());
            assertTrue(map.find(), route + " has an import map");
            String hash = Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(map.group(1).getBytes(StandardCharsets.UTF_8)));
            assertTrue(policy.contains("script-src 'self' 'sha256-" + hash + "';"), policy);
            assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
            assertTrue(policy.contains("frame-ancestors 'none'"), policy);
            assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElse(""));
            // The import map is the one inline script, and nothing runs from an attribute.
            assertEquals(1, count(page.body(), "<script") - count(page.body(), "<script type=\"module\" src="), route);
            assertFalse(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(page.body()).find(), route);
            assertFalse(page.body().contains(" style="), route);
        }
    }

    @Test
    void versionedFilesAndLibrariesAreCachedForGoodAndCompressed() {
        HttpResponse<String> page = get("/", "text/html");
        List<String> files = new ArrayList<>();
        STATIC_REF.matcher(page.body()).results().forEach(m -> files.add(m.group(1)));
        MAPPED.matcher(page.body()).results().forEach(m -> files.add(m.group(1)));
        assertTrue(files.size() >= 6, "the page refers to its script, its styles and the libraries: " + files);
        for (String file : files) {
            HttpResponse<byte[]> plain = bytes(file, false);
            assertEquals(200, plain.statusCode(), file);
            assertEquals("public, max-age=31536000, immutable", plain.headers().firstValue("Cache-Control").orElse(""), file);
            String type = plain.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.startsWith(file.endsWith(".css") ? "text/css" : "text/javascript"), file + ": " + type);
            if (plain.body().length >= 2048) {
                HttpResponse<byte[]> gzipped = bytes(file, true);
                assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""), file);
                assertTrue(gzipped.body().length < plain.body().length, file);
                assertEquals(new String(plain.body(), StandardCharsets.UTF_8), gunzip(gzipped.body()), file);
            }
        }
        String stale = files.get(0).replaceFirst("/static/[0-9a-f]{12}/", "/static/000000000000/");
        HttpResponse<byte[]> old = bytes(stale, false);
        assertEquals(200, old.statusCode(), "a page from before a deployment still gets the files");
        assertEquals("no-cache", old.headers().firstValue("Cache-Control").orElse(""), "but nobody keeps them");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static HttpResponse<String> get(String path, String accept) {
        return Http.send(HttpRequest.newBuilder(Http.server(path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> bytes(String path, boolean gzip) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Http.server(path)).GET();
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return Http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
