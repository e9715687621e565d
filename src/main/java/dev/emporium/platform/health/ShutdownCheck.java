package dev.emporium.platform.health;

import dev.emporium.platform.shutdown.GracefulShutdown;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready once the server has been asked to terminate, so that routers stop sending it new requests. */
@Readiness
@ApplicationScoped
public class ShutdownCheck implements HealthCheck {

    @Inject
    GracefulShutdown shutdown;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("shutdown").status(!shutdown.draining()).build();
    }
}
