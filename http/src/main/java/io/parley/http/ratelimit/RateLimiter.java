package io.parley.http.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Token-bucket rate limits whose state lives in PostgreSQL (Bucket4j's select-for-update backend), so a limit holds
 * across every api replica instead of multiplying with their count. One row per bucket key; rows expire once
 * their bucket would be full again and are swept periodically.
 */
@Singleton
public final class RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final boolean enabled;

    RateLimiter(DataSource dataSource, @Value("${parley.rate-limits.enabled:true}") boolean enabled) {
        this.enabled = enabled;
        // Bucket4j manages its own transactions, so it gets the pool itself, not the transaction-bound proxy.
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(DelegatingDataSource.unwrapDataSource(dataSource))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    /**
     * Takes one token from the bucket {@code key} (e.g. "login-ip:203.0.113.9"), which holds {@code limit.capacity()}
     * tokens refilled over {@code limit.period()}.
     */
    public Decision tryAcquire(String key, Limit limit) {
        if (!enabled) {
            return new Decision(true, 0, limit.capacity());
        }
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build();
        ConsumptionProbe probe = buckets.builder().build(key + "/" + limit.capacity() + "/" + limit.period().toSeconds(),
                () -> configuration).tryConsumeAndReturnRemaining(1);
        long retryAfter = probe.isConsumed() ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        return new Decision(probe.isConsumed(), retryAfter, probe.getRemainingTokens());
    }

    @Scheduled(fixedDelay = "5m", initialDelay = "1m")
    void sweepExpiredBuckets() {
        try {
            int removed;
            do {
                removed = buckets.removeExpired(1000);
            } while (removed == 1000);
        } catch (RuntimeException e) {
            LOG.warn("Could not sweep expired rate-limit buckets: {}", e.getMessage());
        }
    }

    /** {@code capacity} requests per {@code period}. */
    public record Limit(long capacity, Duration period) {
        public static Limit perMinute(long capacity) {
            return new Limit(capacity, Duration.ofMinutes(1));
        }
    }

    /** Whether the request may proceed, and if not, after how many seconds it may. */
    public record Decision(boolean allowed, long retryAfterSeconds, long remaining) {
    }
}
