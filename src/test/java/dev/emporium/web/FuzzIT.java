package dev.emporium.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.ErrorFormat;
import dev.emporium.testing.Http;
import dev.emporium.testing.Orders;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.SSLSession;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drives every operation of the OpenAPI document with generated input (jqwik's generators): parameters, headers and
 * bodies shaped after the documented schemas, some valid, many not (wrong types, out-of-range numbers, odd unicode,
 * malformed UUIDs and JSON, unknown fields, other media types), as nobody, a customer, an admin or someone with a
 * broken or tampered credential, with the headers any operation may meet (content negotiation, conditions,
 * idempotency keys, request ids, origins, ranges, forwarding) set to valid and malformed values. Fails on any 5xx
 * and on any error body outside the one format. Every failing request is reported in full, for replaying.
 */
@ExtendWith(ArquillianExtension.class)
class FuzzIT {

    /** Requests per operation; the expensive ones (password hashing) get fewer. */
    private static final int PER_OPERATION = Integer.getInteger("fuzz.requests-per-operation", 120);
    private static final int PER_AUTH_OPERATION = 25;
    private static final Set<String> AUTH = Set.of("/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/auth/refresh");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static final Arbitrary<String> TEXT = Arbitraries.strings().ofMaxLength(80);
    private static final Arbitrary<String> WORDS = Arbitraries.strings().alpha().numeric().withChars("-_. @'\"%;<>/\\")
            .ofMaxLength(40);
    private static final Arbitrary<String> NUMBERS = Arbitraries.oneOf(
            Arbitraries.integers().map(String::valueOf), Arbitraries.longs().map(String::valueOf),
            Arbitraries.bigDecimals().ofScale(4).map(BigDecimal::toPlainString),
            Arbitraries.of("0", "-1", "1e309", "NaN", "Infinity", "0x10", "1.5", "99999999999999999999", " 7 ", ""));
    private static final Arbitrary<String> SPECIAL = Arbitraries.of("true", "false", "null", "price", "-price", "name",
            "-created_at", "pending", "shipped", "ADMIN", "CUSTOMER", "tok_visa", "tok_declined", "EUR", "USD", "eur",
            "../../etc/passwd", "' OR 1=1 --", "\u0000", "\uD83D\uDE00", "a".repeat(5000));

    private static final Arbitrary<String> CONTENT_TYPES = Arbitraries.of("text/plain", "application/xml",
            "application/json", "image/png", "multipart/form-data", "application/json; charset=ISO-8859-1",
            "application/json; charset=no-such-charset", "application/json;;q", "application/merge-patch+json",
            "application/x-www-form-urlencoded", "*/*", "garbage", "application/json;", "application/json; charset=\"x");
    private static final Arbitrary<String> ETAGS = Arbitraries.oneOf(Arbitraries.of("*", "\"0\"", "W/\"1\"",
            "unquoted", "\"", "\"a\", \"b\"", "W/", ""), WORDS.map(word -> "\"" + word.replace("\"", "") + "\""));
    /** Header name → values; the client refuses to send a few headers (Host, Content-Length, ...) at all. */
    private static final Map<String, Arbitrary<String>> CROSS_CUTTING = Map.ofEntries(
            Map.entry("Accept", Arbitraries.of("application/json", "application/xml", "text/html", "*/*",
                    "application/json;q=0", "application/*", "text/*;q=0.5, */*;q=0.1", "application/json; charset=utf-16",
                    "garbage", "application/json;q=abc", "image/*", "application/json;", "application/json;;charset=utf-8",
                    "text/html, image/gif, *; q=.2, */*; q=.2", "text/plain; format=\"a,b\"", "application/json;q=")),
            Map.entry("Accept-Encoding", Arbitraries.of("gzip", "br, deflate", "identity;q=0", "*;q=0", "x-unknown")),
            Map.entry("Accept-Language", Arbitraries.of("de-CH", "*", "xx;q=2", "en-US,en;q=0.5")),
            Map.entry("Accept-Charset", Arbitraries.of("utf-8", "ebcdic", "*;q=0")),
            Map.entry("If-Match", ETAGS),
            Map.entry("If-None-Match", ETAGS),
            Map.entry("If-Modified-Since", Arbitraries.of("Wed, 21 Oct 2015 07:28:00 GMT", "yesterday", "0")),
            Map.entry("Idempotency-Key", Arbitraries.oneOf(Arbitraries.of("", "k", "a".repeat(300)), WORDS,
                    Arbitraries.create(() -> UUID.randomUUID().toString()))),
            Map.entry("X-Request-Id", Arbitraries.oneOf(Arbitraries.of("abc-123", "a".repeat(129), "bad id", "%00",
                    "<script>", "-"), Arbitraries.create(() -> UUID.randomUUID().toString()))),
            Map.entry("Origin", Arbitraries.of("https://shop.example.test", "https://evil.example", "null", "not a url")),
            Map.entry("Range", Arbitraries.of("bytes=0-10", "bytes=-5", "bytes=10-0", "lines=1-2", "bytes=0-0,5-9")),
            Map.entry("Cookie", Arbitraries.of("JSESSIONID=garbage", "a=b; c", "LtpaToken2=forged", "=")),
            Map.entry("X-HTTP-Method-Override", Arbitraries.of("DELETE", "PUT", "TRACE", "garbage")),
            Map.entry("Forwarded", Arbitraries.of("for=192.0.2.60;proto=http", "for=\"[2001:db8::1]\"", "garbage")),
            Map.entry("User-Agent", Arbitraries.of("", "Mozilla/5.0", "x".repeat(4000))));
    private static final Arbitrary<String> FORWARDED_ODD = Arbitraries.of("not-an-address", "203.0.113.7, 198.51.100.2",
            "2001:db8::1", "unknown", "999.1.1.1", "");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private record Operation(String method, String path, List<JsonObject> parameters, JsonObject body,
                             Set<String> mediaTypes) {
    }

    private record Failure(String request, int status, String body) {
    }

    /** A request and the body it carries (kept for the report: a sent body cannot be read back). */
    private record Generated(HttpRequest request, String body) {
    }

    private JsonObject schemas;
    private final List<String> ids = new ArrayList<>();
    private String adminToken;
    private String customerToken;
    private String imageKey;
    private final Map<String, Integer> headersSent = new TreeMap<>();

    @Test
    void noOperationAnswers5xxOrAnErrorOutsideTheFormat() throws Exception {
        JsonObject document = Http.json(Http.get("/openapi?format=JSON"));
        schemas = document.getJsonObject("components").getJsonObject("schemas");
        Account admin = Accounts.admin();
        Account customer = Accounts.newCustomer();
        // An admin of the fuzzer's own: thousands of requests spend a user's rate-limit allowance, and the
        // bootstrap admin's is needed by the test classes that follow.
        adminToken = Accounts.newAdmin(admin).accessToken();
        customerToken = customer.accessToken();
        // Real ids, so that generated requests reach past "not found" into the resources' own checks.
        String category = Catalog.newCategory(admin);
        String product = Catalog.newProduct(admin, category, 1_000_000);
        imageKey = Catalog.uploadImage(admin, product).replace("/api/v1/images/", "");
        String order = Orders.place(Api.newClient(), customer, product);
        ids.addAll(List.of(category, product, order, customer.id(), Catalog.newProduct(admin, category, 5)));

        List<Operation> operations = operations(document);
        Map<String, Integer> perStatus = new TreeMap<>();
        List<Failure> failures = new ArrayList<>();
        int requests = 0;
        int refusedByLiberty = 0;
        for (Operation operation : operations) {
            int count = AUTH.contains(operation.path()) ? PER_AUTH_OPERATION : PER_OPERATION;
            for (int i = 0; i < count; i++) {
                Generated generated = generate(operation);
                HttpResponse<String> response = send(generated.request());
                requests++;
                perStatus.merge(response.statusCode() / 100 + "xx", 1, Integer::sum);
                if (refusedByLiberty(generated.request(), response)) {
                    refusedByLiberty++;
                    continue;
                }
                String problem = problemWith(response);
                if (problem != null && failures.size() < 25) {
                    failures.add(new Failure(describe(generated), response.statusCode(), problem + ": " + response.body()));
                }
            }
        }
        System.out.printf("FuzzIT: %d requests over %d operations, by status class %s, %d failures;"
                + " %d refused by Liberty before the application (CWWWC0005I); requests per extra header %s%n",
                requests, operations.size(), perStatus, failures.size(), refusedByLiberty, headersSent);
        assertTrue(operations.size() >= 29, "operations read from /openapi: " + operations.size());
        for (String header : CROSS_CUTTING.keySet()) {
            assertTrue(headersSent.getOrDefault(header, 0) >= 100, header + " sent " + headersSent.get(header) + " times");
        }
        assertEquals(List.of(), failures);
    }

    /**
     * Sends a request and reads its answer, except an event stream's (GET /orders/{id}/events answers one that
     * stays open): its headers are all there is to judge, and closing it is what a client that goes away does.
     */
    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            boolean stream = response.statusCode() == 200
                    && response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            return new Answer(response, stream ? "(event stream)" : new String(decoded(response, body), StandardCharsets.UTF_8));
        }
    }

    /** The body as sent before compression, which the fuzzer's Accept-Encoding may have asked for. */
    private static byte[] decoded(HttpResponse<InputStream> response, InputStream body) throws IOException {
        byte[] bytes = body.readAllBytes();
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
        return switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
            case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
            default -> bytes;
        };
    }

    /** An answer with its body read as text. */
    private record Answer(HttpResponse<InputStream> raw, String body) implements HttpResponse<String> {

        @Override
        public int statusCode() {
            return raw.statusCode();
        }

        @Override
        public HttpRequest request() {
            return raw.request();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return raw.headers();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return raw.sslSession();
        }

        @Override
        public URI uri() {
            return raw.uri();
        }

        @Override
        public HttpClient.Version version() {
            return raw.version();
        }
    }

    /**
     * The one known gap in the error format, reported rather than hidden: Liberty's web container refuses some request
     * URIs with its own 400 (CWWWC0005I) before any application code, filter or error page runs (Servlet 6.0 §3.5.2,
     * "suspicious sequences"). Only requests whose path breaks one of those rules, as read in the container's code,
     * are excused; any other CWWWC0005I fails the test.
     */
    private static boolean refusedByLiberty(HttpRequest request, HttpResponse<String> response) {
        return response.statusCode() == 400 && response.body().contains("CWWWC0005I")
                && breaksContainerUriRules(request.uri().getRawPath());
    }

    /** A control character or malformed percent-escape; after decoding, ';' opening an inner segment, or '..' above the root. */
    static boolean breaksContainerUriRules(String rawPath) {
        if (rawPath.matches("(?is).*(%[01][0-9a-f]|%7f|%(?![0-9a-f]{2})).*")) {
            return true;
        }
        String[] segments = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8).split("/", -1);
        int depth = 0;
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.startsWith(".;") || segment.startsWith("..;") || segment.startsWith(";") && i < segments.length - 1) {
                return true;
            }
            String name = segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment;
            if (name.equals("..")) {
                if (--depth < 0) {
                    return true;
                }
            } else if (!name.isEmpty() && !name.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    /** Why the response breaks the rules, or null: no 5xx, and every 4xx in the one error format. */
    private static String problemWith(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "a " + status;
        }
        return status < 400 ? null : ErrorFormat.problem(response);
    }

    private List<Operation> operations(JsonObject document) {
        List<Operation> operations = new ArrayList<>();
        document.getJsonObject("paths").forEach((path, item) -> {
            if (!path.startsWith("/api/v1/")) {
                return;
            }
            item.asJsonObject().forEach((method, value) -> {
                if (!Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    return;
                }
                JsonObject operation = value.asJsonObject();
                List<JsonObject> parameters = new ArrayList<>();
                if (operation.containsKey("parameters")) {
                    operation.getJsonArray("parameters").forEach(p -> parameters.add(p.asJsonObject()));
                }
                JsonObject content = operation.containsKey("requestBody")
                        ? operation.getJsonObject("requestBody").getJsonObject("content") : JsonValue.EMPTY_JSON_OBJECT;
                JsonObject schema = content.containsKey("application/json")
                        ? content.getJsonObject("application/json").getJsonObject("schema") : null;
                operations.add(new Operation(method.toUpperCase(), path, parameters, schema, content.keySet()));
            });
        });
        return operations;
    }

    private Generated generate(Operation operation) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", "203.0.113." + random.nextInt(1, 255));
        for (JsonObject parameter : operation.parameters()) {
            String name = parameter.getString("name");
            switch (parameter.getString("in")) {
                case "path" -> path = path.replace("{" + name + "}", encode(pathValue(name)));
                case "query" -> {
                    if (random.nextInt(3) > 0) {
                        query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encode(scalar()));
                    }
                }
                case "header" -> {
                    if (random.nextBoolean()) {
                        builder.header(name, headerSafe(scalar()));
                    }
                }
                default -> {
                }
            }
        }
        builder.uri(URI.create(Http.server(path).toString() + query));
        String authorization = authorization();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        crossCuttingHeaders(operation, builder);
        if (!operation.mediaTypes().isEmpty() || random.nextInt(10) == 0) {
            String type = operation.mediaTypes().isEmpty() || random.nextInt(8) == 0 ? CONTENT_TYPES.sample()
                    : Arbitraries.of(operation.mediaTypes()).sample();
            byte[] body = type.startsWith("image/") || type.endsWith("octet-stream")
                    ? (random.nextInt(4) == 0 ? Catalog.PNG : TEXT.sample().getBytes(StandardCharsets.UTF_8))
                    : body(operation.body()).getBytes(StandardCharsets.UTF_8);
            builder.header("Content-Type", type).method(operation.method(), HttpRequest.BodyPublishers.ofByteArray(body));
            return new Generated(builder.build(), type.startsWith("image/") ? "(" + body.length + " bytes)" : new String(body, StandardCharsets.UTF_8));
        }
        builder.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        return new Generated(builder.build(), "");
    }

    /** Who asks: nobody, a customer or an admin, or someone with a broken, foreign or tampered credential. */
    private String authorization() {
        return switch (ThreadLocalRandom.current().nextInt(12)) {
            case 0, 1 -> null;
            case 2, 3 -> "Bearer " + customerToken;
            case 4, 5, 6 -> "Bearer " + adminToken;
            case 7 -> "Bearer " + customerToken.substring(0, customerToken.length() - 2) + "xx";
            case 8 -> "Bearer " + adminToken.replaceFirst("\\.", ".e30.");
            case 9 -> "Bearer " + "a".repeat(ThreadLocalRandom.current().nextInt(1, 9000));
            default -> Arbitraries.of("Bearer", "Bearer ", "Bearer not.a.token", "Basic aXQ6aXQ=", "Token abc",
                    "bearer " + customerToken, "Bearer " + customerToken + " extra", "Negotiate YII=").sample();
        };
    }

    /**
     * Headers every operation may receive whether or not the document names them, each on about one request in
     * five, with valid, odd and malformed values; counted so that the report shows what was covered.
     */
    private void crossCuttingHeaders(Operation operation, HttpRequest.Builder builder) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        CROSS_CUTTING.forEach((name, values) -> {
            if (random.nextInt(5) == 0) {
                builder.header(name, values.sample());
                headersSent.merge(name, 1, Integer::sum);
            }
        });
        builder.header("X-Forwarded-For", random.nextInt(10) == 0 ? FORWARDED_ODD.sample()
                : "203.0.113." + random.nextInt(1, 255));
        if (random.nextInt(10) == 0 && !operation.mediaTypes().isEmpty()) {
            builder.expectContinue(true);
            headersSent.merge("Expect", 1, Integer::sum);
        }
    }

    private String pathValue(String name) {
        return switch (ThreadLocalRandom.current().nextInt(4)) {
            case 0, 1 -> "key".equals(name) ? imageKey : Arbitraries.of(ids).sample();
            case 2 -> UUID.randomUUID().toString();
            default -> scalar();
        };
    }

    private String scalar() {
        return switch (ThreadLocalRandom.current().nextInt(5)) {
            case 0 -> NUMBERS.sample();
            case 1 -> SPECIAL.sample();
            case 2 -> Arbitraries.of(ids).sample();
            case 3 -> TEXT.sample();
            default -> WORDS.sample();
        };
    }

    /** A body for the schema: usually an object shaped after it with valid and invalid values, sometimes garbage. */
    private String body(JsonObject schema) {
        int kind = ThreadLocalRandom.current().nextInt(10);
        if (schema == null || kind == 0) {
            return Arbitraries.of("", "{", "[]", "null", "42", "\"text\"", "{\"a\":}", "{}", TEXT.sample()).sample();
        }
        return value(schema, 0).toString();
    }

    private JsonValue value(JsonObject schema, int depth) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").substring("#/components/schemas/".length());
            return value(schemas.getJsonObject(name), depth + 1);
        }
        if (random.nextInt(8) == 0 || depth > 4) {
            return wrongValue();
        }
        String type = schema.getString("type", "object");
        if (schema.containsKey("enum") && random.nextBoolean()) {
            return schema.getJsonArray("enum").get(random.nextInt(schema.getJsonArray("enum").size()));
        }
        return switch (type) {
            case "object" -> {
                JsonObjectBuilder object = Json.createObjectBuilder();
                JsonObject properties = schema.getJsonObject("properties");
                if (properties != null) {
                    properties.forEach((name, property) -> {
                        if (random.nextInt(6) > 0) {
                            object.add(name, value(property.asJsonObject(), depth + 1));
                        }
                    });
                }
                if (random.nextInt(6) == 0) {
                    object.add(WORDS.sample(), wrongValue());
                }
                yield object.build();
            }
            case "array" -> {
                JsonArrayBuilder array = Json.createArrayBuilder();
                int size = random.nextInt(4) == 0 ? random.nextInt(60) : random.nextInt(1, 3);
                for (int i = 0; i < size; i++) {
                    array.add(value(schema.getJsonObject("items"), depth + 1));
                }
                yield array.build();
            }
            case "integer" -> Json.createValue(random.nextBoolean() ? random.nextInt(-5, 2000) : Arbitraries.longs().sample());
            case "number" -> Json.createValue(Arbitraries.bigDecimals().ofScale(random.nextInt(0, 5)).sample());
            case "boolean" -> random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
            default -> Json.createValue(scalar());
        };
    }

    private JsonValue wrongValue() {
        return switch (ThreadLocalRandom.current().nextInt(6)) {
            case 0 -> JsonValue.NULL;
            case 1 -> Json.createValue(TEXT.sample());
            case 2 -> Json.createValue(Arbitraries.longs().sample());
            case 3 -> Json.createArrayBuilder().add(1).add("x").build();
            case 4 -> Json.createObjectBuilder().add("nested", TEXT.sample()).build();
            default -> JsonValue.TRUE;
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Header values must be visible ASCII for the HTTP client to send them at all. */
    private static String headerSafe(String value) {
        String ascii = value.replaceAll("[^\\x21-\\x7e ]", "").strip();
        return ascii.isEmpty() ? "x" : ascii.substring(0, Math.min(ascii.length(), 300));
    }

    private static String describe(Generated generated) {
        HttpRequest request = generated.request();
        String body = generated.body().length() > 500 ? generated.body().substring(0, 500) + "…" : generated.body();
        return request.method() + " " + request.uri() + " " + request.headers().map() + " " + body;
    }
}
