package dev.emporium.platform.health;

import org.eclipse.microprofile.health.HealthCheckResponse;

/** Asks one dependency whether it answers; {@link ReadinessProbes} runs every probe together, within one deadline. */
public interface DependencyProbe {

    /** The readiness check's name in /health/ready. */
    String name();

    /** Asks the dependency; may take as long as its own call timeouts allow. */
    HealthCheckResponse probe();
}
