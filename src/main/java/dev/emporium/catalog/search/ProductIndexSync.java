package dev.emporium.catalog.search;

import dev.emporium.catalog.CatalogChanged;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Keeps this replica's product index in step with the database, whichever replica or SQL script changed it. A
 * trigger stamps each product row with the transaction that last changed what the index holds ({@code search_xid},
 * migration V11); this follows those stamps. Each round first takes the oldest transaction still running
 * anywhere (the snapshot's xmin), then indexes every row stamped at or after the previous round's xmin: a
 * transaction older than the new xmin has committed or aborted, so its rows have been seen, and younger ones are
 * read again next round. A round runs every {@code emporium.search.index.sync-interval}, and right after this
 * replica's own admin writes, which wait for it so that the writer's next listing shows the change.
 *
 * <p>The index is built from the whole table at each start (the first round); until then listings are answered
 * by the database.
 */
@ApplicationScoped
public class ProductIndexSync {

    private static final Logger LOG = Logger.getLogger(ProductIndexSync.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    ProductIndexBatch batch;

    @Inject
    @ConfigProperty(name = "emporium.search.index.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "emporium.search.index.sync-interval", defaultValue = "PT0.2S")
    Duration interval;

    @Inject
    @ConfigProperty(name = "emporium.search.index.batch-size", defaultValue = "1000")
    int batchSize;

    /**
     * How far behind the database the index may be and still answer listings. Its default is also the bound the
     * catalog promises for a change made elsewhere: in listings within 1 s of its commit.
     */
    @Inject
    @ConfigProperty(name = "emporium.search.index.max-lag", defaultValue = "PT1S")
    Duration maxLag;

    /** How long an admin write waits for the index before answering anyway (the next round catches up). */
    @Inject
    @ConfigProperty(name = "emporium.search.index.write-wait", defaultValue = "PT2S")
    Duration writeWait;

    private final ReentrantLock round = new ReentrantLock();
    /** Rows indexed at or after the watermark, by the stamp they had: those are read again and need not be indexed again. */
    private final Map<UUID, Long> indexedAtOrAfterWatermark = new HashMap<>();
    private long watermark;
    private volatile boolean ready;
    private volatile boolean failing;
    /** When the last completed round began (System.nanoTime()): every change committed before it is in the index. */
    private volatile long caughtUpNanos;
    private ScheduledFuture<?> poller;

    @Inject
    MetricRegistry metrics;

    void start(@Observes Startup startup) {
        metrics.gauge(Metadata.builder().withName("emporium.search.index.ready")
                .withDescription("1 when this replica answers listings from its product index; 0 while the index is "
                        + "first built, or when it is switched off").build(), this, sync -> sync.answering() ? 1 : 0);
        metrics.gauge(Metadata.builder().withName("emporium.search.index.lag").withUnit(MetricUnits.SECONDS)
                .withDescription("Seconds since this replica's product index last held every committed change")
                .build(), this, ProductIndexSync::lagSeconds);
        if (enabled) {
            poller = executor.scheduleWithFixedDelay(this::catchUpQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.cancel(false);
        }
    }

    /** Built, and caught up within max-lag: otherwise listings go to the database, which is never behind. */
    boolean answering() {
        return ready && System.nanoTime() - caughtUpNanos < maxLag.toNanos();
    }

    long caughtUpNanos() {
        return caughtUpNanos;
    }

    private double lagSeconds() {
        return ready ? (System.nanoTime() - caughtUpNanos) / 1e9 : 0;
    }

    /** This replica's admin write committed: index it before the write is answered. Stock moved by orders waits for the next round. */
    void afterWrite(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogChanged change) {
        if (!ready || !change.listings()) {
            return;
        }
        try {
            Future<?> caughtUp = executor.submit(this::catchUpQuietly);
            caughtUp.get(writeWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
            LOG.log(Level.FINE, "Product index: not caught up with a write before its answer; the next round will", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void catchUpQuietly() {
        try {
            catchUp();
            if (failing) {
                failing = false;
                LOG.info("Product index: following the database again");
            }
        } catch (RuntimeException e) {
            // Caught whatever it is: a periodic task that throws is never run again.
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "Product index: cannot read the database's changes; retrying every " + interval, e);
            }
        }
    }

    void catchUp() {
        round.lock();
        try {
            long began = System.nanoTime();
            long xmin = batch.oldestRunningTransaction();
            boolean building = !ready;
            int indexed = 0;
            ProductIndexBatch.Change after = null;
            List<ProductIndexBatch.Change> changes;
            do {
                changes = batch.changesSince(watermark, after, batchSize);
                List<UUID> due = changes.stream()
                        .filter(c -> !Long.valueOf(c.xid()).equals(indexedAtOrAfterWatermark.get(c.id())))
                        .map(ProductIndexBatch.Change::id).toList();
                if (!due.isEmpty()) {
                    batch.index(due, building);
                    indexed += due.size();
                }
                changes.stream().filter(c -> c.xid() >= xmin).forEach(c -> indexedAtOrAfterWatermark.put(c.id(), c.xid()));
                after = changes.isEmpty() ? after : changes.get(changes.size() - 1);
            } while (changes.size() == batchSize);
            indexedAtOrAfterWatermark.values().removeIf(xid -> xid < xmin);
            watermark = xmin;
            if (building) {
                batch.refresh();
                ready = true;
                LOG.info(String.format("Product index: built from %d products in %.1f s", indexed,
                        (System.nanoTime() - began) / 1e9));
            }
            caughtUpNanos = began;
        } finally {
            round.unlock();
        }
    }
}
