package dev.emporium.platform.persistence;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the tables that only need their recent rows from growing for ever: every
 * {@code EMPORIUM_RETENTION_INTERVAL} (an hour) the replica that claims the "retention" lease runs every
 * {@link RetentionSweep} in batches of {@code EMPORIUM_RETENTION_BATCH_SIZE} rows, each batch its own short
 * transaction, until a batch comes back short. The other replicas find the lease held and skip that period.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());
    private static final String LEASE = "retention";

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Instance<RetentionSweep> sweeps;

    @Inject
    MaintenanceLease lease;

    @Inject
    @ConfigProperty(name = "emporium.retention.interval", defaultValue = "PT1H")
    Duration interval;

    @Inject
    @ConfigProperty(name = "emporium.retention.batch-size", defaultValue = "1000")
    int batchSize;

    private final String holder = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private ScheduledFuture<?> task;

    void start(@Observes Startup startup) {
        long every = interval.toMillis();
        task = scheduler.scheduleWithFixedDelay(this::run, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One period's run, on this replica if it wins the lease. */
    void run() {
        try {
            // A little shorter than the period, so that the next period's first timer on any replica finds it free.
            if (!lease.claim(LEASE, holder, interval.minus(interval.dividedBy(10)))) {
                return;
            }
            for (RetentionSweep sweep : sweeps) {
                sweep(sweep);
            }
        } catch (RuntimeException e) {
            // Caught whatever it is: a periodic task that throws is never run again.
            LOG.log(Level.WARNING, "Housekeeping failed; trying again in " + interval, e);
        }
    }

    private void sweep(RetentionSweep sweep) {
        long deleted = 0;
        int batches = 0;
        int batch;
        do {
            batch = sweep.deleteBatch(batchSize);
            deleted += batch;
            batches++;
        } while (batch == batchSize);
        if (deleted > 0) {
            long total = deleted;
            int count = batches;
            LOG.info(() -> "Housekeeping: deleted " + total + " " + sweep.name() + " in " + count + " batches");
        }
    }

    private static String hostName() {
        String pod = System.getenv("HOSTNAME");
        if (pod != null && !pod.isBlank()) {
            return pod;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
