package dev.emporium.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Api;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Http;
import dev.emporium.testing.Poll;
import dev.emporium.testing.Services;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With the database away, the API answers 503 SERVICE_UNAVAILABLE in the error format, and recovers with it. */
@ExtendWith(ArquillianExtension.class)
class DatabaseOutageIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @Test
    void whileTheDatabaseIsAwayRequestsAnswer503() {
        Assumptions.assumeTrue(Services.privateDatabase(), "the database is not ours to stop");
        Api api = Api.newClient();
        assertEquals(200, api.get("/products?limit=1", null).status());
        Services.database("stop");
        try {
            Reply refused = Poll.until(SETTLE, "a 503 from the product listing", () -> {
                Reply reply = api.get("/products?limit=1", null);
                assertTrue(reply.status() == 200 || reply.status() == 503, "only 200 (from a still-open connection) or 503: " + reply);
                return reply.status() == 503 ? reply : null;
            });
            assertEquals("SERVICE_UNAVAILABLE", refused.errorCode());
            assertTrue(refused.header("Retry-After").isPresent());
            assertTrue(refused.json().getString("message").contains("database"), refused.toString());
        } finally {
            Services.database("start");
        }
        Poll.untilTrue(SETTLE, "ready again", () -> Http.get("/health/ready").statusCode() == 200);
        Poll.untilTrue(SETTLE, "products served again", () -> api.get("/products?limit=1", null).status() == 200);
    }
}
