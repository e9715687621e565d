package dev.emporium.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.emporium.testing.Api;
import dev.emporium.testing.Broker;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Poll;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The request id is on the log lines a request or a message causes: Liberty's JSON log (the test server writes
 * messages.log as JSON, as OpenShift would read standard output) carries it as ext_requestId.
 */
@ExtendWith(ArquillianExtension.class)
class LoggingIT {

    private static final Path LOG = Path.of(System.getProperty("emporium.basedir", "."),
            "target/liberty/wlp/usr/servers/emporium-it/logs/messages.log");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    /** The JSON log line with the message that carries the request id, waiting for it to be written. */
    private static JsonObject lineOf(String requestId, String message) {
        return Poll.until(Duration.ofSeconds(20), "a log line with request id " + requestId, () -> {
            try {
                return Files.readAllLines(LOG).stream()
                        .filter(l -> l.contains("\"ext_requestId\":\"" + requestId + "\"") && l.contains(message))
                        .findFirst().map(l -> {
                            try (var reader = Json.createReader(new StringReader(l))) {
                                return reader.readObject();
                            }
                        }).orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void whatARequestLogsCarriesItsId() {
        String id = "log-" + UUID.randomUUID();
        Api.Reply failed = Api.newClient().call("POST", "/auth/login",
                "{\"email\": \"nobody@example.com\", \"password\": \"not the password\"}", null, "X-Request-Id", id);
        assertEquals(401, failed.status());
        JsonObject line = lineOf(id, "Failed login");
        assertEquals("Failed login for an unknown e-mail", line.getString("message"));
        assertEquals(id, line.getString("ext_requestId"));
    }

    @Test
    void whatAMessageLogsCarriesTheIdItCameWith() {
        String id = "log-msg-" + UUID.randomUUID();
        try (Broker broker = Broker.connect()) {
            broker.send("emporium.fulfillment.updates", "not even json", id, Map.of());
            JsonObject line = lineOf(id, "dead-letter queue");
            assertEquals(id, line.getString("ext_requestId"));
            assertEquals("Message from emporium.fulfillment.updates moved to the dead-letter queue: body is not a JSON object",
                    line.getString("message"));
            broker.awaitDeadLetter("JMSCorrelationID = '" + id + "'", Duration.ofSeconds(10));
        }
    }
}
