package dev.emporium.web.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Deployments;
import dev.emporium.testing.Poll;
import dev.emporium.testing.Services;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rate limits per route group, per address for anonymous callers and sign-in, per user with a token; the
 * RateLimit-* headers; and the buckets living in the real Redis server of the test services (REDIS_URL), where
 * another replica (here: this test, with the same library and key scheme) draws on the same allowance.
 */
@ExtendWith(ArquillianExtension.class)
class RateLimitIT {

    /** A failed login for an e-mail of its own each time, so that the per-account throttle never answers for the limiter. */
    private static String loginBody() {
        return "{\"email\": \"nobody-" + UUID.randomUUID() + "@example.com\", \"password\": \"not the password\"}";
    }
    /** The shipped allowances per minute (META-INF/microprofile-config.properties). */
    private static final int AUTH_PER_MINUTE = 10;
    private static final int READ_PER_MINUTE = 1200;
    /** A group of the test environment's own (failsafe's environment in pom.xml): GET /users/me, 40 per minute per user. */
    private static final int PROFILE_PER_MINUTE = 40;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private static long header(Reply reply, String name) {
        return Long.parseLong(reply.header(name).orElseThrow(() -> new AssertionError("no " + name + ": " + reply)));
    }

    @Test
    void everyResponseSaysWhereTheCallerStands() {
        Api api = Api.newClient();
        Reply first = api.get("/products?limit=1", null);
        Reply second = api.get("/products?limit=1", null);
        assertEquals(READ_PER_MINUTE, header(first, "RateLimit-Limit"));
        assertEquals(header(first, "RateLimit-Remaining") - 1, header(second, "RateLimit-Remaining"));
        assertTrue(header(second, "RateLimit-Reset") >= 1);
    }

    @Test
    void signInIsLimitedPerAddressAndAnswers429InTheErrorFormat() {
        Api api = Api.newClient();
        for (int i = 0; i < AUTH_PER_MINUTE; i++) {
            assertEquals(401, api.post("/auth/login", loginBody(), null).status());
        }
        Reply refused = api.post("/auth/login", loginBody(), null);
        assertEquals(429, refused.status(), refused.toString());
        assertEquals("RATE_LIMITED", refused.errorCode());
        assertTrue(header(refused, "Retry-After") >= 1);
        assertEquals(0, header(refused, "RateLimit-Remaining"));
        assertEquals(401, Api.newClient().post("/auth/login", loginBody(), null).status(), "other addresses go on");
    }

    @Test
    void withATokenTheUserIsTheClientWhateverTheAddress() {
        Account ada = Accounts.newCustomer();
        Reply here = Api.newClient().get("/users/me", ada.accessToken());
        Reply there = Api.newClient().get("/users/me", ada.accessToken());
        assertEquals(header(here, "RateLimit-Remaining") - 1, header(there, "RateLimit-Remaining"));
    }

    @Test
    void aRouteGroupAddedByConfigurationHasAnAllowanceOfItsOwn() {
        Account ada = Accounts.newCustomer();
        Api api = Api.newClient();
        for (int i = 1; i <= PROFILE_PER_MINUTE; i++) {
            Reply served = api.get("/users/me", ada.accessToken());
            assertEquals(200, served.status(), served.toString());
            assertEquals(PROFILE_PER_MINUTE, header(served, "RateLimit-Limit"));
            assertEquals(PROFILE_PER_MINUTE - i, header(served, "RateLimit-Remaining"));
        }
        Reply refused = Api.newClient().get("/users/me", ada.accessToken());
        assertEquals(429, refused.status(), "counted per user, whatever the address: " + refused);
        assertEquals("RATE_LIMITED", refused.errorCode());
        assertTrue(header(refused, "Retry-After") >= 1);
        // The other routes keep their own groups' allowances, for this user as for others.
        Reply read = api.get("/products?limit=1", ada.accessToken());
        assertEquals(200, read.status(), read.toString());
        assertEquals(READ_PER_MINUTE, header(read, "RateLimit-Limit"));
        Reply someoneElse = api.get("/users/me", Accounts.newCustomer().accessToken());
        assertEquals(200, someoneElse.status(), someoneElse.toString());
        assertEquals(PROFILE_PER_MINUTE - 1, header(someoneElse, "RateLimit-Remaining"));
    }

    @Test
    void theAllowanceIsKeptInRedisWhereEveryReplicaSharesIt() {
        Api api = Api.newClient();
        assertEquals(401, api.post("/auth/login", loginBody(), null).status());
        String key = RateLimits.KEY_PREFIX + "auth:ip:" + api.address();
        RedisClient redis = RedisClient.create(System.getProperty("it.redis.url", "redis://127.0.0.1:61679"));
        try (StatefulRedisConnection<String, byte[]> connection = redis.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))) {
            assertEquals(1L, connection.sync().exists(key), "the bucket is in Redis");
            // Another replica spends what is left of this address's allowance ...
            ProxyManager<String> replica = Bucket4jLettuce.casBasedBuilder(connection)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                    .build();
            int perMinute = AUTH_PER_MINUTE;
            replica.builder().build(key, () -> BucketConfiguration.builder().addLimit(Bandwidth.builder()
                    .capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)).build()).build())
                    .tryConsumeAsMuchAsPossible();
        } finally {
            redis.shutdown();
        }
        // ... and this server knows at once.
        Reply refused = api.post("/auth/login", loginBody(), null);
        assertEquals(429, refused.status(), refused.toString());
    }

    @Test
    void withRedisAwayRequestsAreServedUnlimitedAndLimitsComeBackWithIt() {
        Api api = Api.newClient();
        Services.redis("stop");
        try {
            // Every request is served; once the limiter has noticed, without claiming an allowance it cannot count.
            Poll.untilTrue(Duration.ofSeconds(30), "requests served without a rate limit", () -> {
                Reply served = api.get("/products?limit=1", null);
                assertEquals(200, served.status(), served.toString());
                return served.header("RateLimit-Limit").isEmpty();
            });
        } finally {
            Services.redis("start");
        }
        Poll.untilTrue(Duration.ofSeconds(60), "limits counted again",
                () -> api.get("/products?limit=1", null).header("RateLimit-Limit").isPresent());
    }
}
