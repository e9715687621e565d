package dev.emporium.platform.persistence;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
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

    @Inject
    PeriodicJobs jobs;

    @Inject
    Instance<RetentionSweep> sweeps;

    @Inject
    @ConfigProperty(name = "emporium.retention.interval", defaultValue = "PT1H")
    Duration interval;

    @Inject
    @ConfigProperty(name = "emporium.retention.batch-size", defaultValue = "1000")
    int batchSize;

    private ScheduledFuture<?> task;

    void start(@Observes Startup startup) {
        task = jobs.schedule("retention", interval, () -> sweeps.forEach(this::sweep));
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
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
}
