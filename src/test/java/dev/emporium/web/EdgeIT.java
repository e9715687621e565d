package dev.emporium.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Http;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The edge of the application: every failure, including those the container produces itself, in the one error
 * format with the request's id; the X-Request-Id rules; the body size limit; the unknown-field policy; security
 * headers and CORS.
 */
@ExtendWith(ArquillianExtension.class)
class EdgeIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();

    private void assertError(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.toString());
        assertEquals(code, reply.errorCode(), reply.toString());
        assertTrue(reply.header("Content-Type").orElse("").startsWith("application/json"), reply.toString());
        assertFalse(reply.body().contains("Exception") || reply.body().contains("SRVE"), reply.body());
    }

    @Test
    void whatTheContainerAnswersItselfIsInTheErrorFormatToo() throws Exception {
        assertError(api.call("GET", "/nope", null, null), 404, "NOT_FOUND");
        assertError(api.call("DELETE", "/products", null, null), 405, "METHOD_NOT_ALLOWED");
        assertError(api.call("POST", "/auth/login", "{\"email\":", null), 400, "INVALID_BODY");
        HttpResponse<String> xml = HttpClient.newHttpClient().send(HttpRequest.newBuilder(Http.server("/api/v1/products"))
                .header("Accept", "application/xml").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(406, xml.statusCode(), xml.body());
        assertTrue(xml.body().contains("\"code\":\"NOT_ACCEPTABLE\""), xml.body());
        assertError(api.upload("POST", "/auth/login", "x".getBytes(), "text/plain", null), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertError(api.call("GET", "/users/me", null, null), 401, "UNAUTHORIZED");
        // Malformed media types: the JAX-RS runtime itself answered 500 to these (found by FuzzIT).
        HttpResponse<String> badWeight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(Http.server("/api/v1/products"))
                .header("Accept", "application/json;q=abc").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, badWeight.statusCode(), badWeight.body());
        assertTrue(badWeight.body().contains("\"details\":[{\"field\":\"Accept\",\"issue\":\"q=abc is not a weight"), badWeight.body());
        assertError(api.upload("POST", "/auth/login", "{}".getBytes(), "application/json;;q", null), 400, "BAD_REQUEST");
        // PostgreSQL cannot store U+0000; it used to fail at the database as a 500 (found by FuzzIT). In a body it is
        // refused as it is read, naming the field; in a query it still meets the database's refusal.
        Reply nul = api.post("/categories", "{\"name\": \"Nul\", \"slug\": \"nul-" + System.nanoTime() + "\", \"description\": \"a\\u0000b\"}",
                Accounts.admin().accessToken());
        assertError(nul, 400, "INVALID_BODY");
        assertEquals("description", nul.json().getJsonArray("details").getJsonObject(0).getString("field"));
        assertTrue(nul.body().contains("NUL character"), nul.toString());
        Reply nulSearch = api.get("/products?q=a%00b", null);
        assertTrue(nulSearch.status() < 500, nulSearch.toString());
        HttpResponse<String> urlConnectionDefault = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                Http.server("/api/v1/products?limit=1")).header("Accept", "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, urlConnectionDefault.statusCode(), "java.net.HttpURLConnection's default Accept: " + urlConnectionDefault.body());
        assertError(api.call("POST", "/categories", "{}", Accounts.newCustomer().accessToken()), 403, "FORBIDDEN");

        // Outside /api/v1: the servlet container's own 404, formerly an HTML page naming exception classes.
        HttpResponse<String> page = Http.get("/no-such-page.html");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().startsWith("{\"status\":404,\"code\":\"NOT_FOUND\""), page.body());
        assertTrue(page.body().contains("\"request_id\":\"" + page.headers().firstValue("X-Request-Id").orElseThrow()), page.body());
    }

    @Test
    void bodiesOverTheLimitAnswer413WhetherTheyAnnounceTheirLengthOrNot() throws Exception {
        String big = "{\"email\": \"" + "a".repeat(1_100_000) + "\", \"password\": \"x\"}";
        assertError(api.call("POST", "/auth/login", big, null), 413, "PAYLOAD_TOO_LARGE");

        // Chunked: no Content-Length, so the limit is found while reading.
        HttpRequest chunked = HttpRequest.newBuilder(Http.server("/api/v1/auth/login"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100.77")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"code\":\"PAYLOAD_TOO_LARGE\""), response.body());
    }

    @Test
    void everyResponseCarriesAnXRequestIdTakenFromTheCallerWhenWellFormed() {
        Reply mine = api.call("GET", "/products?limit=1", null, null, "X-Request-Id", "client-42.abc:7");
        assertEquals("client-42.abc:7", mine.header("X-Request-Id").orElseThrow());

        Reply bad = api.call("GET", "/products?limit=1", null, null, "X-Request-Id", "no spaces or <tags> allowed");
        String replaced = bad.header("X-Request-Id").orElseThrow();
        assertNotEquals("no spaces or <tags> allowed", replaced);
        UUID.fromString(replaced);

        Reply failed = api.call("GET", "/products/" + UUID.randomUUID(), null, null, "X-Request-Id", "trace-me-1");
        assertError(failed, 404, "PRODUCT_NOT_FOUND");
        assertEquals("trace-me-1", failed.json().getString("request_id"));
    }

    @Test
    void unknownJsonFieldsAreIgnoredAsDocumented() {
        // docs/errors.md: unknown fields are ignored (so that clients may send more than a version knows), never
        // obeyed: a role in a registration body does not make an admin.
        String email = "edge-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Reply registered = api.post("/auth/register", """
                {"username": "%s", "email": "%s", "password": "a perfectly long passphrase", "role": "ADMIN", "zzz": 1}"""
                .formatted("edge" + UUID.randomUUID().toString().substring(0, 8), email), null);
        assertEquals(201, registered.status(), registered.toString());
        Reply login = api.post("/auth/login", """
                {"email": "%s", "password": "a perfectly long passphrase", "remember_me": true}""".formatted(email), null);
        assertEquals(200, login.status(), login.toString());
        assertEquals("CUSTOMER", api.get("/users/me", login.string("access_token")).string("role"));

        // The same in a merge patch: the known field changes, the unknown one is passed over.
        Account admin = Accounts.admin();
        String product = Catalog.newProduct(admin, Catalog.newCategory(admin), 5);
        Reply patched = api.call("PATCH", "/products/" + product, "{\"stock\": 7, \"colour\": \"red\"}", admin.accessToken());
        assertEquals(200, patched.status(), patched.toString());
        assertEquals(7, patched.json().getInt("stock"));
        assertFalse(patched.json().containsKey("colour"));
    }

    @Test
    void valuesOfTheWrongTypeInABodyAre400NamingTheField() {
        String customer = Accounts.newCustomer().accessToken();
        String product = UUID.randomUUID().toString();
        Map<String, String> lines = Map.of(
                "{\"product_id\": \"not-a-uuid\", \"quantity\": 1}", "items.product_id",
                "{\"product_id\": 42, \"quantity\": 1}", "items.product_id",
                "{\"product_id\": \"" + product + "\", \"quantity\": 1.5}", "items.quantity",
                "{\"product_id\": \"" + product + "\", \"quantity\": 99999999999}", "items.quantity",
                "{\"product_id\": \"" + product + "\", \"quantity\": \"7\"}", "items.quantity",
                "{\"product_id\": \"" + product + "\", \"quantity\": {}}", "items.quantity");
        lines.forEach((line, field) -> {
            Reply refused = api.post("/orders", "{\"items\": [" + line + "], \"shipping_address\": \"1 Main St\"}", customer);
            assertError(refused, 400, "INVALID_BODY");
            JsonObject detail = refused.json().getJsonArray("details").getJsonObject(0);
            assertEquals(field, detail.getString("field"), refused.toString());
            assertFalse(detail.getString("issue").isBlank(), refused.toString());
        });
    }

    @Test
    void securityHeadersAndNoServerBanner() throws Exception {
        HttpResponse<String> http = Http.get("/api/v1/products?limit=1");
        assertEquals("nosniff", http.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertTrue(http.headers().firstValue("Server").isEmpty(), "no Server header");
        assertTrue(http.headers().firstValue("Strict-Transport-Security").isEmpty(), "HSTS only over HTTPS");

        HttpResponse<String> https = insecureClient().send(HttpRequest.newBuilder(URI.create("https://localhost:"
                + System.getProperty("emporium.https.port", "9543") + "/api/v1/products?limit=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, https.statusCode());
        assertTrue(https.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="), https.headers().toString());
        assertEquals("nosniff", https.headers().firstValue("X-Content-Type-Options").orElse(null));
    }

    @Test
    void corsAllowsTheConfiguredOriginsOnly() throws Exception {
        HttpResponse<String> allowed = preflight("https://shop.example.test");
        assertEquals("https://shop.example.test", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
                allowed.headers().toString());
        assertTrue(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));

        HttpResponse<String> refused = preflight("https://evil.example.test");
        assertTrue(refused.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), refused.headers().toString());
    }

    @Test
    void metricsAreNotReadableCrossOriginWithCredentials() throws Exception {
        // SmallRye Metrics answers every origin with "*" and allow-credentials; the server removes the latter, so a
        // browser never hands a page the metrics with the user's cookies or credentials.
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(Http.server("/metrics"))
                .header("Origin", "https://evil.example.test").timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), metrics.headers().toString());
        String allowed = metrics.headers().firstValue("Access-Control-Allow-Origin").orElse("");
        assertTrue(allowed.isEmpty() || allowed.equals("*"), "never the caller's origin echoed: " + allowed);
    }

    private static HttpResponse<String> preflight(String origin) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(Http.server("/api/v1/orders"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .timeout(Duration.ofSeconds(10)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The test server's certificate is Liberty's self-signed one. */
    private static HttpClient insecureClient() throws Exception {
        TrustManager[] trustAll = {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }};
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trustAll, new SecureRandom());
        SSLParameters parameters = new SSLParameters();
        parameters.setEndpointIdentificationAlgorithm(null);
        return HttpClient.newBuilder().sslContext(ssl).sslParameters(parameters).connectTimeout(Duration.ofSeconds(10)).build();
    }
}
