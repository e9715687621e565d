package dev.emporium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.emporium.testing.Deployments;
import dev.emporium.testing.Http;
import dev.emporium.testing.Poll;
import dev.emporium.testing.Services;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /health/ready follows the database and the broker: UP with both; 503 DOWN within 2 s of a crash of either (kill -9
 * of the broker, PostgreSQL stopped in immediate mode); UP again within 2 s of its return.
 */
@ExtendWith(ArquillianExtension.class)
class HealthIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @Test
    void readyOnlyWhileTheBrokerIsUp() {
        awaitReadiness(200, SETTLE);
        assertChecks("UP", "UP");
        try {
            Services.broker("kill");
            awaitReadiness(503, PROMPTLY);
            assertChecks("UP", "DOWN");
        } finally {
            Services.broker("start");
        }
        awaitReadiness(200, PROMPTLY);
        assertChecks("UP", "UP");
        assertEquals(200, Http.get("/health/live").statusCode(), "liveness does not depend on the broker");
    }

    @Test
    void readyOnlyWhileTheDatabaseIsUp() {
        Assumptions.assumeTrue(Services.privateDatabase(), "the database is not ours to stop");
        awaitReadiness(200, SETTLE);
        try {
            Services.database("crash");
            awaitReadiness(503, PROMPTLY);
            assertChecks("DOWN", "UP");
        } finally {
            Services.database("start");
        }
        awaitReadiness(200, PROMPTLY);
        assertChecks("UP", "UP");
    }

    /** Polled as a kubelet would, only faster; the bound is measured from the moment the fault or its end. */
    private static void awaitReadiness(int status, Duration within) {
        Poll.untilTrue(within, "/health/ready to answer " + status, () -> Http.get("/health/ready").statusCode() == status);
    }

    private static void assertChecks(String database, String broker) {
        HttpResponse<String> response = Http.get("/health/ready");
        JsonObject health = Http.json(response);
        assertEquals(database, status(health, "database"), response.body());
        assertEquals(broker, status(health, "broker"), response.body());
        assertEquals("UP".equals(database) && "UP".equals(broker) ? "UP" : "DOWN", health.getString("status"));
    }

    private static String status(JsonObject health, String check) {
        return health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> check.equals(c.getString("name")))
                .map(c -> c.getString("status"))
                .findFirst()
                .orElse("MISSING");
    }
}
