package dev.emporium.platform.health;

import dev.emporium.platform.messaging.Destinations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.JMSException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the Artemis broker answers. Opening a browser on a queue makes the broker reply, so a connection
 * that only looks alive in the pool does not pass.
 */
@Readiness
@ApplicationScoped
public class BrokerCheck implements HealthCheck {

    @Resource(lookup = Destinations.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = Destinations.SYSTEM_PROBE_QUEUE)
    Queue probeQueue;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("broker");
        try (JMSContext context = connectionFactory.createContext();
             QueueBrowser browser = context.createBrowser(probeQueue)) {
            browser.getEnumeration();
            return response.up().build();
        } catch (JMSRuntimeException | JMSException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
