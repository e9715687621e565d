package dev.emporium.platform.health;

import dev.emporium.platform.shutdown.GracefulShutdown;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Runs the dependency probes for the readiness checks: all of them at once, within one deadline, so that
 * /health/ready answers within that deadline however many dependencies it asks about (Liberty calls the checks one
 * after another; their deadlines added up would outlast the probe's timeout on a loaded server). A dependency that
 * has gone silent reports DOWN when the deadline passes, so that the kubelet hears about an outage within seconds.
 * Probes asked for within a moment of each other (the kubelet's, the router's, one check after the other) share one
 * round; a probe still running from an earlier round is joined, not started again, so a silent dependency never
 * gathers a pile of waiting probes.
 */
@ApplicationScoped
public class ReadinessProbes {

    /** Within the 2 s that readiness is allowed to lag behind an outage. */
    static final Duration DEADLINE = Duration.ofMillis(1500);

    /** A round's answers serve every check asked for this soon after it began. */
    private static final Duration ROUND = Duration.ofMillis(200);

    @Inject
    Instance<DependencyProbe> probes;

    /**
     * Threads of the probes' own, not the server's executor: a probe queued there behind the requests of a loaded
     * server would miss its deadline without having asked anything. At most one per probe (a running probe is joined,
     * never started twice).
     */
    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    GracefulShutdown shutdown;

    private ExecutorService executor;
    private Round round;

    @PostConstruct
    void createThreads() {
        executor = Executors.newCachedThreadPool(threadFactory);
    }

    @PreDestroy
    void stopThreads() {
        executor.shutdown();
    }

    /**
     * The named probe's answer from the current round. Not probed at all once the server is stopping: readiness is
     * DOWN then whatever the dependencies say, and the answer must come at once from a server busy finishing its work.
     */
    public HealthCheckResponse answer(String name) {
        if (shutdown.draining()) {
            return down(name, "not checked", "the server is stopping");
        }
        Attempt attempt = currentRound().attempts().get(name);
        if (attempt == null) {
            throw new IllegalArgumentException("no readiness probe named " + name);
        }
        return attempt.await();
    }

    private synchronized Round currentRound() {
        long now = System.nanoTime();
        if (round == null || now - round.began() >= ROUND.toNanos()) {
            Map<String, Attempt> attempts = new HashMap<>();
            for (DependencyProbe probe : probes()) {
                Attempt running = round == null ? null : round.attempts().get(probe.name());
                attempts.put(probe.name(), running != null && !running.answer().isDone()
                        ? running : new Attempt(probe.name(), now, executor.submit(probe::probe)));
            }
            round = new Round(now, Map.copyOf(attempts));
        }
        return round;
    }

    /** Every dependency probe of the application. */
    Iterable<DependencyProbe> probes() {
        return probes;
    }

    private record Round(long began, Map<String, Attempt> attempts) {
    }

    private record Attempt(String name, long began, Future<HealthCheckResponse> answer) {

        HealthCheckResponse await() {
            long left = began + DEADLINE.toNanos() - System.nanoTime();
            try {
                return answer.get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // Left running, not cancelled: a JDBC or broker call cut off halfway could spoil a pooled connection,
                // and a schema migration under way must finish. It ends within its own call timeouts.
                return down("no answer within " + DEADLINE.toMillis() + " ms");
            } catch (ExecutionException e) {
                return down(e.getCause().getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return down("interrupted");
            }
        }

        private HealthCheckResponse down(String error) {
            return ReadinessProbes.down(name, "error", error);
        }
    }

    private static HealthCheckResponse down(String name, String key, String value) {
        return new HealthCheckResponse(name, HealthCheckResponse.Status.DOWN, Optional.of(Map.of(key, value)));
    }
}
