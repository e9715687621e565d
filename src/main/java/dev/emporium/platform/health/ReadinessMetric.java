package dev.emporium.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * emporium_ready: 1 while every readiness check is UP, as /health/ready would answer, else 0. A probe only moves the
 * pod out of rotation; this gauge lets an alert say that it happened, and for how long, on the replica that scrapes
 * fine but cannot work (the broker or the database out of reach, or the server draining on SIGTERM).
 */
@ApplicationScoped
public class ReadinessMetric {

    private static final Metadata READY = Metadata.builder().withName("emporium.ready")
            .withDescription("1 while every readiness check (database, broker, shutdown) is UP, else 0").build();

    @Inject
    @Any
    @Readiness
    Instance<HealthCheck> checks;

    @Inject
    MetricRegistry metrics;

    void register(@Observes Startup startup) {
        metrics.gauge(READY, this, ReadinessMetric::ready);
    }

    int ready() {
        for (HealthCheck check : checks) {
            if (check.call().getStatus() != HealthCheckResponse.Status.UP) {
                return 0;
            }
        }
        return 1;
    }
}
