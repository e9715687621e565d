package dev.emporium.auth;

import dev.emporium.web.ApiException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits login and registration per client address (after Liberty's remoteIp handling of trusted proxies) with
 * Bucket4j token buckets: a burst of N, refilled at N per minute. Buckets that have refilled completely are dropped
 * every minute, so memory follows the number of recently active clients.
 */
@ApplicationScoped
public class AuthRateLimiter {

    @Inject
    @ConfigProperty(name = "emporium.rate-limit.auth.per-minute", defaultValue = "10")
    int perMinute;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private ScheduledFuture<?> sweeper;

    @PostConstruct
    void start() {
        sweeper = scheduler.scheduleAtFixedRate(this::dropIdleBuckets, 1, 1, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        sweeper.cancel(false);
    }

    /** Takes one request from the client's allowance or throws 429 with the time until the next one. */
    public void acquire(String route, String clientAddress) {
        Bucket bucket = buckets.computeIfAbsent(route + '|' + clientAddress, key -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw ApiException.tooManyRequests(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }

    private void dropIdleBuckets() {
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= perMinute);
    }
}
