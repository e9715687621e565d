package dev.emporium.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the Artemis broker answers within the probes' deadline ({@link BrokerProbe}). */
@Readiness
@ApplicationScoped
public class BrokerCheck implements HealthCheck {

    @Inject
    ReadinessProbes probes;

    @Override
    public HealthCheckResponse call() {
        return probes.answer(BrokerProbe.NAME);
    }
}
