package dev.emporium.platform.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.emporium.platform.shutdown.GracefulShutdown;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the readiness checks' probes are run: together (Liberty asks for the checks one after another), within one
 * deadline, and never a second copy of a probe that is still running.
 */
class ReadinessProbesTest {

    private ReadinessProbes runner;

    @AfterEach
    void stopThreads() {
        if (runner != null) {
            runner.stopThreads();
        }
    }

    @Test
    void theSecondProbeRunsWhileTheFirstIsAwaited() {
        // The database probe answers UP only once the broker probe has begun: asked one after the other, it would wait
        // for it past the deadline and answer DOWN.
        CountDownLatch brokerAsked = new CountDownLatch(1);
        runner = runner(List.of(
                probe(DatabaseProbe.NAME, () -> awaited(brokerAsked)),
                probe(BrokerProbe.NAME, () -> {
                    brokerAsked.countDown();
                    return true;
                })));

        assertEquals(HealthCheckResponse.Status.UP, runner.answer(DatabaseProbe.NAME).getStatus());
        assertEquals(HealthCheckResponse.Status.UP, runner.answer(BrokerProbe.NAME).getStatus());
    }

    @Test
    void aProbePastTheDeadlineIsDownAndIsJoinedNotStartedAgainUntilItEnds() throws InterruptedException {
        CountDownLatch silence = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        runner = runner(List.of(probe(BrokerProbe.NAME, () -> {
            asked.incrementAndGet();
            return awaited(silence);
        })));

        HealthCheckResponse first = runner.answer(BrokerProbe.NAME);
        assertEquals(HealthCheckResponse.Status.DOWN, first.getStatus());
        assertEquals("no answer within 1500 ms", first.getData().orElseThrow().get("error"));
        Thread.sleep(300);
        assertEquals(HealthCheckResponse.Status.DOWN, runner.answer(BrokerProbe.NAME).getStatus(), "still silent");
        assertEquals(1, asked.get(), "the silent probe was joined, not asked a second time");

        silence.countDown();
        Thread.sleep(300);
        assertEquals(HealthCheckResponse.Status.UP, runner.answer(BrokerProbe.NAME).getStatus());
        assertEquals(2, asked.get(), "asked afresh once the first had ended");
    }

    @Test
    void checksAskedTogetherShareOneRound() {
        AtomicInteger asked = new AtomicInteger();
        runner = runner(List.of(probe(DatabaseProbe.NAME, () -> asked.incrementAndGet() > 0)));

        runner.answer(DatabaseProbe.NAME);
        runner.answer(DatabaseProbe.NAME);

        assertEquals(1, asked.get());
    }

    private interface Outcome {
        boolean up() throws InterruptedException;
    }

    private static DependencyProbe probe(String name, Outcome outcome) {
        return new DependencyProbe() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public HealthCheckResponse probe() {
                boolean up;
                try {
                    up = outcome.up();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    up = false;
                }
                return new HealthCheckResponse(name, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                        Optional.empty());
            }
        };
    }

    /** True once the latch opens; false after 10 s (longer than any deadline). */
    private static boolean awaited(CountDownLatch latch) throws InterruptedException {
        return latch.await(10, TimeUnit.SECONDS);
    }

    private static ReadinessProbes runner(List<DependencyProbe> dependencies) {
        ReadinessProbes runner = new ReadinessProbes() {
            @Override
            Iterable<DependencyProbe> probes() {
                return dependencies;
            }
        };
        runner.shutdown = new GracefulShutdown();
        runner.threadFactory = new PlainThreads();
        runner.createThreads();
        return runner;
    }

    /** The container's thread factory stands for context the probes under test do not need. */
    private static final class PlainThreads implements ManagedThreadFactory {
        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "probe");
            thread.setDaemon(true);
            return thread;
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            return ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        }
    }
}
