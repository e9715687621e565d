package dev.emporium.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Http;
import dev.emporium.testing.Orders;
import dev.emporium.testing.Poll;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /orders/{id}/events: the order at once, then each status change the message-driven beans or an admin make,
 * for the owner or an admin only; streams whose client went away are closed and forgotten (the test server sends
 * its keep-alive every second).
 */
@ExtendWith(ArquillianExtension.class)
class OrderEventsIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();

    @Test
    void theOwnerAndAdminsFollowTheOrderThroughItsLifecycle() throws Exception {
        Account admin = Accounts.admin();
        Account ada = Accounts.newCustomer();
        String order = placeOrder(admin, ada);
        try (Stream owner = Stream.open(order, ada.accessToken())) {
            assertEquals(200, owner.status);
            assertTrue(owner.contentType.startsWith("text/event-stream"), owner.contentType);
            JsonObject first = owner.nextStatus();
            assertEquals(order, first.getString("id"));
            // pending at first, or already processing if the payment step was quicker than the stream
            String now = first.getString("status");
            assertTrue(List.of("pending", "processing").contains(now), now);
            if (now.equals("pending")) {
                assertEquals("processing", owner.nextStatus().getString("status"), "the payment step, live");
            }
            assertTrue(!first.containsKey("attention") || first.isNull("attention"), "customers never see attention");
            try (Stream staff = Stream.open(order, admin.accessToken())) {
                assertEquals("processing", staff.nextStatus().getString("status"));
                Api.Reply shipped = api.put("/orders/" + order + "/status",
                        "{\"status\": \"shipped\", \"tracking_number\": \"1Z-LIVE-1\"}", admin.accessToken());
                assertEquals(200, shipped.status(), shipped.toString());
                JsonObject seen = owner.nextStatus();
                assertEquals("shipped", seen.getString("status"));
                assertEquals("1Z-LIVE-1", seen.getString("tracking_number"));
                assertEquals("shipped", staff.nextStatus().getString("status"));
            }
        }
    }

    @Test
    void othersGetTheApisErrorsAndNotTheStream() {
        Account admin = Accounts.admin();
        String order = placeOrder(admin, Accounts.newCustomer());
        try (Stream stranger = Stream.open(order, Accounts.newCustomer().accessToken());
             Stream anonymous = Stream.open(order, null);
             Stream malformed = Stream.open("not-a-uuid", admin.accessToken())) {
            assertEquals(404, stranger.status);
            assertEquals("ORDER_NOT_FOUND", stranger.errorCode());
            assertEquals(401, anonymous.status);
            assertEquals(400, malformed.status);
        }
    }

    @Test
    void streamsWhoseClientWentAwayAreForgotten() {
        Account admin = Accounts.admin();
        Account ada = Accounts.newCustomer();
        String order = placeOrder(admin, ada);
        List<Stream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Stream stream = Stream.open(order, ada.accessToken());
                open.add(stream);
                assertEquals(200, stream.status);
            }
            try (Stream ninth = Stream.open(order, ada.accessToken())) {
                assertEquals(429, ninth.status, "eight streams per account");
                assertEquals("RATE_LIMITED", ninth.errorCode());
            }
        } finally {
            open.forEach(Stream::close);
        }
        // The keep-alive finds the closed connections; then the allowance is free again.
        Poll.untilTrue(WAIT, "the closed streams to be forgotten", () -> {
            try (Stream again = Stream.open(order, ada.accessToken())) {
                return again.status == 200;
            }
        });
    }

    private String placeOrder(Account admin, Account customer) {
        String product = Catalog.newProduct(admin, Catalog.newCategory(admin));
        return Orders.place(api, customer, product);
    }

    /** One event stream, read line by line in the background. */
    private static final class Stream implements AutoCloseable {

        final int status;
        final String contentType;
        private final InputStream body;
        private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        private String errorBody;

        private Stream(HttpResponse<InputStream> response) {
            status = response.statusCode();
            contentType = response.headers().firstValue("Content-Type").orElse("");
            body = response.body();
            if (status != 200) {
                errorBody = read(body);
                return;
            }
            Thread reader = new Thread(this::readEvents, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Stream open(String order, String token) {
            HttpRequest.Builder request = HttpRequest.newBuilder(Http.server("/api/v1/orders/" + order + "/events"))
                    .header("Accept", "text/event-stream").GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                return new Stream(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The code of the API error the stream was refused with (its body in the one error format). */
        String errorCode() {
            assertTrue(contentType.startsWith("application/json"), contentType);
            JsonObject error = Json.createReader(new StringReader(errorBody)).readObject();
            assertEquals(status, error.getInt("status"), errorBody);
            assertTrue(error.containsKey("message") && error.containsKey("details") && error.containsKey("request_id"), errorBody);
            return error.getString("code");
        }

        /** The data of the next event named status. */
        JsonObject nextStatus() {
            try {
                String data = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertTrue(data != null, "an event within " + WAIT);
                return Json.createReader(new StringReader(data)).readObject();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void readEvents() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String name = null;
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    } else if (line.isEmpty()) {
                        if ("status".equals(name)) {
                            events.add(data.toString());
                        }
                        name = null;
                        data.setLength(0);
                    }
                }
            } catch (IOException closed) {
                // The test closed the stream.
            }
        }

        private static String read(InputStream in) {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
