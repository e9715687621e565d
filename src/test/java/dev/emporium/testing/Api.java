package dev.emporium.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Calls the API from outside, as a client does. Each {@link Api} instance is one client address (sent as
 * X-Forwarded-For, which the test server trusts from localhost), so rate limits of one test do not spill into another.
 */
public final class Api {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI server;
    private final String clientAddress;

    private Api(URI server, String clientAddress) {
        this.server = server;
        this.clientAddress = clientAddress;
    }

    /** A client of the integration tests' server with an address of its own, from the TEST-NET-2 range. */
    public static Api newClient() {
        return newClient(Http.server("/"));
    }

    /** A client of another server (e.g. http://localhost:9280/), with an address of its own. */
    public static Api newClient(URI server) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new Api(server, "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255));
    }

    /** The client address this client sends as X-Forwarded-For. */
    public String address() {
        return clientAddress;
    }

    public Reply get(String path, String token) {
        return call("GET", path, null, token);
    }

    public Reply post(String path, String json, String token) {
        return call("POST", path, json, token);
    }

    public Reply put(String path, String json, String token) {
        return call("PUT", path, json, token);
    }

    public Reply delete(String path, String token) {
        return call("DELETE", path, null, token);
    }

    /** A call with a raw (non-JSON) body of the given media type. */
    public Reply upload(String method, String path, byte[] body, String mediaType, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve("/api/v1" + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("X-Forwarded-For", clientAddress)
                .header("Content-Type", mediaType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** The raw bytes of a GET, for binary resources. */
    public HttpResponse<byte[]> bytes(String absolutePath) {
        HttpRequest request = HttpRequest.newBuilder(server.resolve(absolutePath)).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status of GET path as an event stream (text/event-stream), which is closed again at once. */
    public int streamStatus(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve("/api/v1" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/event-stream")
                .header("X-Forwarded-For", clientAddress)
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A call with extra headers, given as name, value, name, value, ... */
    public Reply call(String method, String path, String json, String token, String... extraHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve("/api/v1" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("X-Forwarded-For", clientAddress)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            request.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        return send(request);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            return new Reply(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response, with its body read as JSON on demand. */
    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        }

        public String string(String field) {
            return json().getString(field);
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        /** The error body's code, after checking that the body is exactly the error format (ErrorFormat). */
        public String errorCode() {
            String problem = ErrorFormat.problem(response);
            if (problem != null) {
                throw new AssertionError(problem + ": " + body());
            }
            return json().getString("code");
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}
