package dev.emporium.platform.shutdown;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * What SIGTERM (a pod's termination, {@code podman stop}) does to this server: readiness turns DOWN at once, the
 * server goes on serving for {@code emporium.shutdown.delay} while routers and load balancers take it out of
 * rotation, and only then does the JVM begin to exit, which makes Liberty quiesce (stop listening, let requests in
 * flight finish, stop the message-driven beans after their current message).
 *
 * <p>Without the delay, Liberty closes its port the moment the signal arrives, while the OpenShift router may still
 * send new connections to the pod for some seconds; the router's own pods wait in the same way before they stop.
 * {@code server stop} does not go through here: it quiesces at once, as an operator at the console expects.
 */
@ApplicationScoped
public class GracefulShutdown {

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class.getName());
    private static final Signal TERM = new Signal("TERM");

    @Inject
    @ConfigProperty(name = "emporium.shutdown.delay", defaultValue = "PT5S")
    Duration delay;

    private final AtomicBoolean draining = new AtomicBoolean();
    private SignalHandler previous;

    void install(@Observes Startup startup) {
        previous = Signal.handle(TERM, this::terminationRequested);
    }

    /** The application stops without the JVM (a redeploy): the JVM's own handler comes back. */
    void uninstall(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        if (previous != null && !draining.get()) {
            Signal.handle(TERM, previous);
        }
    }

    /** True from the moment SIGTERM arrived: the readiness check reports it. */
    public boolean draining() {
        return draining.get();
    }

    private void terminationRequested(Signal signal) {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        LOG.info(() -> "SIGTERM: readiness DOWN, serving for " + delay + " more, then stopping");
        // Not a managed thread: the container's executors stop with the application, which this thread outlives.
        Thread exit = new Thread(() -> exitAfterDelay(signal), "emporium-graceful-shutdown");
        exit.setDaemon(true);
        exit.start();
    }

    private void exitAfterDelay(Signal signal) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            previous.handle(signal);
        } catch (RuntimeException e) {
            // The JVM's handler is native (SIG_DFL) on some runtimes: exit as it would have.
            LOG.log(Level.FINE, "JVM signal handler not callable; exiting directly", e);
            System.exit(128 + signal.getNumber());
        }
    }
}
