package dev.emporium.platform.health;

import dev.emporium.platform.messaging.Destinations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.JMSException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Up when the Artemis broker answers. Opening a browser on a queue makes the broker reply, so a connection that only
 * looks alive in the pool does not pass. Requests do not need the broker (messages wait in the outbox), but nothing
 * is paid, mailed or published without it: a server that cannot reach it says so.
 */
@ApplicationScoped
public class BrokerProbe implements DependencyProbe {

    static final String NAME = "broker";

    /**
     * Unshareable. Shared, the probes kept getting a connection whose session a clean broker shutdown had closed
     * ("Session is closed"), for minutes after the broker was back: a shareable connection may be handed again to
     * the same thread's unit of work, and these probes run on long-lived pool threads. Unshared, each probe gets a
     * new connection from this unpooled factory (MonitoringIT restarts the broker cleanly).
     */
    @Resource(lookup = Destinations.HEALTH_CONNECTION_FACTORY, shareable = false)
    ConnectionFactory connectionFactory;

    @Resource(lookup = Destinations.SYSTEM_PROBE_QUEUE)
    Queue probeQueue;

    @Inject
    @ConfigProperty(name = "ARTEMIS_HOST", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "ARTEMIS_PORT", defaultValue = "61626")
    int port;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HealthCheckResponse probe() {
        var response = HealthCheckResponse.named(NAME);
        // A broker that is gone refuses the connection at once; the pool may still hold a connection to it that
        // would only notice at its call timeout.
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) ReadinessProbes.DEADLINE.toMillis());
        } catch (IOException e) {
            return response.down().withData("error", "no connection to " + host + ":" + port).build();
        }
        try (JMSContext context = connectionFactory.createContext();
             QueueBrowser browser = context.createBrowser(probeQueue)) {
            browser.getEnumeration();
            return response.up().build();
        } catch (JMSRuntimeException | JMSException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
