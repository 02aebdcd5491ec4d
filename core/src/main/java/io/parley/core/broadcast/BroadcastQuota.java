package io.parley.core.broadcast;

import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The plan's quota of broadcast recipients per calendar month (UTC), {@code parley.plans.<id>.max-broadcast-
 * recipients-per-month}: the recipients of every broadcast scheduled in the month, cancelled ones excepted. Checked
 * when a broadcast is sent or scheduled, inside the tenant's write transaction with the tenant row locked, so two
 * broadcasts sent at once cannot both take the last of the quota.
 */
@Singleton
public final class BroadcastQuota {

    /** The quota would be exceeded. */
    public static final class Exceeded extends RuntimeException {
        private final String planName;
        private final long max;
        private final long used;

        Exceeded(String planName, long max, long used) {
            super(null, null, false, false);
            this.planName = planName;
            this.max = max;
            this.used = used;
        }

        public String planName() {
            return planName;
        }

        public long max() {
            return max;
        }

        public long used() {
            return used;
        }
    }

    private record Plan(String name, Long max) {
    }

    private final Sql sql;
    private final BroadcastStore broadcasts;

    BroadcastQuota(DataSource dataSource, BroadcastStore broadcasts) {
        this.sql = new Sql(dataSource);
        this.broadcasts = broadcasts;
    }

    /**
     * Throws {@link Exceeded} when the recipients scheduled in {@code at}'s month exceed the plan. Call after the
     * broadcast's recipients are planned and its {@code scheduled_at} is set to {@code at} (so they count), in the
     * same transaction, which the exception then rolls back.
     */
    public void require(UUID tenant, Instant at) {
        List<Plan> plans = sql.list("SELECT p.name, p.max_broadcast_recipients_per_month FROM tenants t JOIN plans p"
                + " ON p.id = tenant_plan_id(t.id) WHERE t.id = ? FOR UPDATE OF t",
                row -> new Plan(row.getString(1), row.getObject(2) == null ? null : row.getLong(2)), tenant);
        if (plans.isEmpty() || plans.getFirst().max() == null) {
            return;
        }
        YearMonth month = YearMonth.from(at.atZone(ZoneOffset.UTC));
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long used = broadcasts.recipientsScheduledIn(tenant, from, to);
        if (used > plans.getFirst().max()) {
            throw new Exceeded(plans.getFirst().name(), plans.getFirst().max(), used);
        }
    }
}
