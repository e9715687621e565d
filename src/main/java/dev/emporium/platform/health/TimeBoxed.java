package dev.emporium.platform.health;

import dev.emporium.platform.shutdown.GracefulShutdown;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Runs a readiness probe with a deadline: a dependency that has gone silent (a broker connection that waits out its
 * call timeout, a database that accepts but does not answer) reports DOWN when the deadline passes, so that the
 * kubelet hears about an outage within seconds and no probe holds a request thread for long.
 */
final class TimeBoxed {

    /** Within the 2 s that readiness is allowed to lag behind an outage. */
    static final Duration DEADLINE = Duration.ofMillis(1500);

    private TimeBoxed() {
    }

    /**
     * Not probed at all once the server is stopping: readiness is DOWN then whatever the dependencies say, and the
     * answer must come at once from a server busy finishing its work, not after the probes' deadlines.
     */
    static HealthCheckResponse probe(GracefulShutdown shutdown, ExecutorService executor, String name,
                                     Callable<HealthCheckResponse> probe) {
        if (shutdown.draining()) {
            return HealthCheckResponse.named(name).down().withData("not checked", "the server is stopping").build();
        }
        Future<HealthCheckResponse> answer = executor.submit(probe);
        try {
            return answer.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Not interrupted: a JDBC or broker call cut off halfway could spoil a pooled connection, and a schema
            // migration under way must finish. The probe ends by itself within the call timeouts.
            answer.cancel(false);
            return HealthCheckResponse.named(name).down().withData("error", "no answer within " + DEADLINE.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return HealthCheckResponse.named(name).down().withData("error", e.getCause().getClass().getSimpleName()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named(name).down().withData("error", "interrupted").build();
        }
    }
}
