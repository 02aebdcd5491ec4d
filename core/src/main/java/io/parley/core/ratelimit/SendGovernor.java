package io.parley.core.ratelimit;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;

/**
 * The send rate governor (docs/broadcasts.md "Rate governor"): a token bucket per provider scope in PostgreSQL
 * ({@code send_rate_buckets}), so every worker process shares one budget per WhatsApp number, LINE channel, Telegram
 * bot or chat. A bucket holds at most {@code rate} tokens (one second's worth) and refills at {@code rate} per second;
 * one statement refills and takes, atomically, by the database's clock.
 *
 * <p>Live replies take tokens whenever there are enough; broadcasts only while {@link Priority#BULK}'s reserve (a
 * fifth of the bucket) would be left, so a burst of bot replies always finds tokens while a broadcast runs at the
 * full rate otherwise. Written here rather than with Bucket4j's PostgreSQL backend because that conditional take
 * ("only if a reserve remains") is not one of Bucket4j's atomic operations, and its state is an opaque blob that an
 * operator cannot read or reset with SQL.
 *
 * <p>Runs on its own connection outside any caller transaction (autocommit), so a token is spent even when the
 * caller's transaction rolls back, and no lock on a bucket row is held across a provider call.
 */
@Singleton
public final class SendGovernor {

    /** Who asks: live replies first. */
    public enum Priority {
        LIVE(0.0), BULK(0.2);

        private final double reserve;

        Priority(double reserve) {
            this.reserve = reserve;
        }
    }

    /**
     * At most this many pool connections at once for the governor: many sends of one channel queue on its bucket row,
     * and each waits holding a connection, so without a bound they starve the pool (turns then fail to get one).
     */
    private static final int CONNECTIONS = 4;

    private final DataSource dataSource;
    private final Semaphore connections = new Semaphore(CONNECTIONS, true);

    SendGovernor(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource); // the pool: never the caller's transaction
    }

    /**
     * Takes {@code tokens} from the bucket {@code key} (created full) that refills at {@code ratePerSecond}; returns
     * zero when taken, else how long to wait before asking again (nothing was taken).
     */
    public Duration tryTake(String key, double ratePerSecond, int tokens, Priority priority) {
        return tryTake(key, ratePerSecond, ratePerSecond, tokens, priority);
    }

    /** As {@link #tryTake(String, double, int, Priority)} with a bucket of {@code burst} tokens. */
    public Duration tryTake(String key, double ratePerSecond, double burst, int tokens, Priority priority) {
        double capacity = Math.max(burst, tokens);
        double floor = capacity * priority.reserve;
        String take = """
                INSERT INTO send_rate_buckets AS b (key, tokens, refreshed_at) VALUES (?, ? - ?, clock_timestamp())
                ON CONFLICT (key) DO UPDATE SET
                    tokens = least(?, b.tokens + extract(epoch FROM clock_timestamp() - b.refreshed_at) * ?) - ?,
                    refreshed_at = clock_timestamp()
                WHERE least(?, b.tokens + extract(epoch FROM clock_timestamp() - b.refreshed_at) * ?) - ? >= ?
                RETURNING tokens""";
        connections.acquireUninterruptibly();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement(take)) {
                statement.setString(1, key);
                statement.setDouble(2, capacity);
                statement.setInt(3, tokens);
                statement.setDouble(4, capacity);
                statement.setDouble(5, ratePerSecond);
                statement.setInt(6, tokens);
                statement.setDouble(7, capacity);
                statement.setDouble(8, ratePerSecond);
                statement.setInt(9, tokens);
                statement.setDouble(10, floor);
                try (ResultSet row = statement.executeQuery()) {
                    if (row.next()) {
                        return Duration.ZERO;
                    }
                }
                return wait(connection, key, ratePerSecond, capacity, tokens + floor);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the send rate governor failed: " + e.getMessage(), e);
        } finally {
            connections.release();
        }
    }

    /**
     * What {@link #reserve} granted: {@code tokens} (0 to the number asked), the bucket's level just before the take
     * (negative when earlier reservations are still ahead) and its refill rate; with nothing granted,
     * {@code retryAfter} says when to ask again.
     */
    public record Grant(int tokens, double level, double ratePerSecond, Duration retryAfter, Instant takenAt) {

        /**
         * When {@link #slot}(k) is, as a {@link System#nanoTime()} instant of this process: counted from the database's
         * clock at the take ({@link #takenAt}), not from when the answer came back, so that a slow round trip does not
         * move one process's slots onto another's (the database and the workers keep NTP time).
         */
        public long slotNanoTime(int k) {
            return System.nanoTime() + Duration.between(Instant.now(), takenAt).toNanos() + slot(k).toNanos();
        }

        /**
         * When the {@code k}-th granted token (0-based) is covered by the refill, counted from the take: now for the
         * tokens the bucket held, then one every 1/rate. A sender sends token k no earlier than this.
         */
        public Duration slot(int k) {
            double seconds = Math.max(0, (k + 1 - level) / ratePerSecond);
            return Duration.ofNanos((long) Math.ceil(seconds * 1e9));
        }
    }

    /**
     * Takes up to {@code requested} tokens from the bucket {@code key} in one statement, granting
     * min(requested, available) — a batch of sends pays one round trip instead of one per message. Unlike
     * {@link #tryTake}, the bucket may go into debt down to {@code ahead} seconds of refill: the tokens granted beyond
     * what it holds are <b>slots in the future</b> ({@link Grant#slot}), one every 1/rate after the earlier
     * reservations, so every taker of every process gets its own slots of one global schedule and no one-second window
     * of slots holds more than {@code burst} + rate. A live reply asks with a longer {@code ahead} than a broadcast, so
     * it always finds a slot shortly after the broadcast's reservations, which stop at their shorter horizon.
     *
     * <p>One statement (a data-modifying CTE): the row is locked ({@code FOR UPDATE}, which in READ COMMITTED reads the
     * newest version after waiting, so two takers never grant from the same tokens), refilled by elapsed time at the
     * database's clock, and reduced by the grant. A bucket used for the first time is created full.
     */
    public Grant reserve(String key, double ratePerSecond, double burst, int requested, double ahead) {
        String take = """
                WITH current AS (
                    SELECT key, least(?, tokens + extract(epoch FROM clock_timestamp() - refreshed_at) * ?) AS level,
                           clock_timestamp() AS now
                    FROM send_rate_buckets WHERE key = ? FOR UPDATE),
                decided AS (
                    SELECT key, level, now, greatest(0, least(?, floor(level + ?)))::int AS granted FROM current),
                taken AS (
                    UPDATE send_rate_buckets b SET tokens = d.level - d.granted, refreshed_at = d.now
                    FROM decided d WHERE b.key = d.key AND d.granted > 0)
                SELECT granted, level, extract(epoch FROM now) FROM decided""";
        double horizon = ahead * ratePerSecond;
        connections.acquireUninterruptibly();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(take)) {
            for (int attempt = 0; ; attempt++) {
                statement.setDouble(1, burst);
                statement.setDouble(2, ratePerSecond);
                statement.setString(3, key);
                statement.setInt(4, requested);
                statement.setDouble(5, horizon);
                try (ResultSet row = statement.executeQuery()) {
                    if (row.next()) {
                        int granted = row.getInt(1);
                        double level = row.getDouble(2);
                        double epoch = row.getDouble(3);
                        Instant at = Instant.ofEpochSecond((long) Math.floor(epoch),
                                (long) ((epoch - Math.floor(epoch)) * 1e9));
                        double missing = Math.max(1 - horizon - level, 0.001 * ratePerSecond);
                        return new Grant(granted, level, ratePerSecond, granted > 0 ? Duration.ZERO
                                : Duration.ofNanos(Math.max(1_000_000L, (long) (missing / ratePerSecond * 1e9))), at);
                    }
                }
                if (attempt > 0) {
                    throw new IllegalStateException("the send rate bucket " + key + " vanished twice");
                }
                try (PreparedStatement create = connection.prepareStatement("INSERT INTO send_rate_buckets (key,"
                        + " tokens, refreshed_at) VALUES (?, ?, clock_timestamp()) ON CONFLICT (key) DO NOTHING")) {
                    create.setString(1, key);
                    create.setDouble(2, burst);
                    create.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the send rate governor failed: " + e.getMessage(), e);
        } finally {
            connections.release();
        }
    }

    /** Blocks until {@code tokens} are taken, sleeping as the bucket says (at least 1 ms, at most 1 s per try). */
    public void take(String key, double ratePerSecond, int tokens, Priority priority) throws InterruptedException {
        for (Duration wait = tryTake(key, ratePerSecond, tokens, priority); !wait.isZero();
             wait = tryTake(key, ratePerSecond, tokens, priority)) {
            Thread.sleep(Math.clamp(wait.toMillis(), 1, 1000));
        }
    }

    /**
     * Empties the bucket and puts it {@code pause} into debt (a provider said "too fast": WhatsApp 130429, LINE or
     * Telegram 429), so no process sends on this scope until it has refilled.
     */
    public void penalize(String key, double ratePerSecond, Duration pause) {
        connections.acquireUninterruptibly();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     INSERT INTO send_rate_buckets AS b (key, tokens, refreshed_at) VALUES (?, ?, clock_timestamp())
                     ON CONFLICT (key) DO UPDATE SET tokens = least(b.tokens, EXCLUDED.tokens),
                         refreshed_at = clock_timestamp()""")) {
            statement.setString(1, key);
            statement.setDouble(2, -ratePerSecond * pause.toMillis() / 1000.0);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the send rate governor failed: " + e.getMessage(), e);
        } finally {
            connections.release();
        }
    }

    /**
     * Deletes buckets nobody took from or penalized for {@code idle}: such a bucket has long refilled, and a bucket
     * created again starts full, so forgetting it changes no limit (as long as {@code idle} exceeds the longest
     * "too fast" pause a provider asks for). Keeps the table at the scopes in use (every Telegram chat ever sent to
     * would otherwise stay). Returns how many were deleted.
     */
    public int forgetIdle(Duration idle) {
        connections.acquireUninterruptibly();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("DELETE FROM send_rate_buckets"
                     + " WHERE refreshed_at < clock_timestamp() - ? * interval '1 millisecond'")) {
            statement.setLong(1, idle.toMillis());
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the send rate governor failed: " + e.getMessage(), e);
        } finally {
            connections.release();
        }
    }

    private static Duration wait(Connection connection, String key, double rate, double capacity, double needed)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT least(?, tokens + extract(epoch FROM"
                + " clock_timestamp() - refreshed_at) * ?) FROM send_rate_buckets WHERE key = ?")) {
            statement.setDouble(1, capacity);
            statement.setDouble(2, rate);
            statement.setString(3, key);
            try (ResultSet row = statement.executeQuery()) {
                double now = row.next() ? row.getDouble(1) : capacity;
                double missing = Math.max(needed - now, 0.001 * rate);
                return Duration.ofNanos(Math.max(1_000_000L, (long) (missing / rate * 1e9)));
            }
        }
    }
}
