package dev.emporium.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when PostgreSQL answers within the probes' deadline and the schema is migrated ({@link DatabaseProbe}). */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    @Inject
    ReadinessProbes probes;

    @Override
    public HealthCheckResponse call() {
        return probes.answer(DatabaseProbe.NAME);
    }
}
