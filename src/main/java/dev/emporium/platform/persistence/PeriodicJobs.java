package dev.emporium.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a job once per period across replicas: every replica's timer fires, and only the one that claims the job's
 * {@link MaintenanceLease} for the period runs it.
 */
@ApplicationScoped
public class PeriodicJobs {

    private static final Logger LOG = Logger.getLogger(PeriodicJobs.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MaintenanceLease lease;

    private final String holder = MaintenanceLease.newHolder();

    /** Schedules the job, first one period from now; cancel the returned future to stop it. */
    public ScheduledFuture<?> schedule(String name, Duration period, Runnable job) {
        long every = period.toMillis();
        return scheduler.scheduleWithFixedDelay(() -> runIfLeased(name, period, job), every, every, TimeUnit.MILLISECONDS);
    }

    private void runIfLeased(String name, Duration period, Runnable job) {
        try {
            // A little shorter than the period, so that the next period's first timer on any replica finds it free.
            if (lease.claim(name, holder, period.minus(period.dividedBy(10)))) {
                job.run();
            }
        } catch (RuntimeException e) {
            // Caught whatever it is: a periodic task that throws is never run again.
            LOG.log(Level.WARNING, "Periodic job '" + name + "' failed; trying again in " + period, e);
        }
    }
}
