package dev.emporium.web.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Token buckets (Bucket4j) per route group and client: N requests, all given back at the end of each minute. Kept in this
 * server's memory by default; in Redis when REDIS_URL is set, so that every replica draws on the same allowance.
 * If Redis is unreachable, requests pass (logged): an outage of the limiter must not become an outage of the shop.
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());
    static final String KEY_PREFIX = "emporium:rate-limit:";

    /** The outcome for one request; limit 0 when the limiter could not decide. */
    public record Decision(boolean allowed, int limit, long remaining, long resetSeconds) {
        static Decision undecided() {
            return new Decision(true, 0, 0, 0);
        }
    }

    @Inject
    @ConfigProperty(name = "redis.url")
    Optional<String> redisUrl;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    /** This server's buckets per group name, when there is no Redis. */
    private final Map<String, LocalBuckets> local = new ConcurrentHashMap<>();
    private RedisClient redis;
    private StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> shared;
    private volatile long nextConnectAttempt;
    private ScheduledFuture<?> sweeper;

    @PostConstruct
    void start() {
        if (redisUrl.filter(url -> !url.isBlank()).isPresent()) {
            redis = RedisClient.create(redisUrl.get());
            // While the connection is down, fail at once (and let the request through) rather than queue and wait.
            redis.setOptions(ClientOptions.builder()
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        } else {
            sweeper = scheduler.scheduleAtFixedRate(this::dropFullBuckets, 1, 1, TimeUnit.MINUTES);
        }
    }

    /** The Redis-backed buckets, connecting on first use and again at most every 5 s while Redis is away. */
    private ProxyManager<String> shared() {
        ProxyManager<String> current = shared;
        if (current != null || System.nanoTime() < nextConnectAttempt) {
            return current;
        }
        synchronized (this) {
            if (shared == null && System.nanoTime() >= nextConnectAttempt) {
                nextConnectAttempt = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                connection = redis.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                connection.setTimeout(Duration.ofSeconds(2));
                shared = Bucket4jLettuce.casBasedBuilder(connection)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                        .build();
            }
            return shared;
        }
    }

    @PreDestroy
    void stop() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        if (connection != null) {
            connection.close();
        }
        if (redis != null) {
            redis.shutdown();
        }
    }

    /** Takes one request from the client's allowance in the group. */
    public Decision take(RateLimitGroup group, String client) {
        int perMinute = group.perMinute();
        String key = KEY_PREFIX + group.name() + ":" + client;
        ConsumptionProbe probe;
        try {
            Bucket bucket;
            if (redis != null) {
                ProxyManager<String> buckets = shared();
                if (buckets == null) {
                    return Decision.undecided();
                }
                bucket = buckets.builder().build(key, () -> BucketConfiguration.builder().addLimit(bandwidth(perMinute)).build());
            } else {
                bucket = local.computeIfAbsent(group.name(), name -> new LocalBuckets(perMinute, new ConcurrentHashMap<>()))
                        .byClient().computeIfAbsent(client, k -> Bucket.builder().addLimit(bandwidth(perMinute)).build());
            }
            probe = bucket.tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rate limiter unavailable, request let through: " + e);
            return Decision.undecided();
        }
        long reset = (long) Math.ceil((probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill()) / 1e9);
        return new Decision(probe.isConsumed(), perMinute, probe.getRemainingTokens(), Math.max(reset, 1));
    }

    private record LocalBuckets(int perMinute, Map<String, Bucket> byClient) {
    }

    private static Bandwidth bandwidth(int perMinute) {
        return Bandwidth.builder().capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)).build();
    }

    /** Buckets that have filled up again say nothing a new bucket would not: memory follows active clients. */
    private void dropFullBuckets() {
        local.values().forEach(group -> group.byClient().values().removeIf(bucket -> bucket.getAvailableTokens() >= group.perMinute()));
    }
}
