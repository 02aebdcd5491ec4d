package io.parley.core.admin;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.usage.UsagePeriod;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenants as the operator console lists them: plan, usage this month, status, members. Call inside
 * {@code TenantScope.asPlatform} (V198 opens these tables to it for reading).
 */
@Singleton
public final class OperatorTenants {

    /** One tenant. {@code status} is {@code active}, {@code suspended} or {@code closed}. */
    public record TenantSummary(UUID id, String name, String plan, @Nullable String billingStatus, String status,
                                Instant createdAt, long members, long bots, long messagesThisMonth,
                                long llmCostMicrosThisMonth, @Nullable String ownerEmail,
                                @Nullable String suspensionReason, @Nullable Instant suspendedAt) {
    }

    private static final String SELECT = """
            SELECT t.id, t.name, tenant_plan_id(t.id), b.status,
                   CASE WHEN s.tenant_id IS NOT NULL THEN 'suspended'
                        WHEN p.closed_at IS NOT NULL THEN 'closed' ELSE 'active' END,
                   t.created_at,
                   (SELECT count(*) FROM memberships m WHERE m.tenant_id = t.id),
                   (SELECT count(*) FROM bots x WHERE x.tenant_id = t.id),
                   coalesce(u.messages, 0), coalesce(u.llm_cost_micros, 0),
                   (SELECT min(us.email) FROM memberships m JOIN users us ON us.id = m.user_id
                     WHERE m.tenant_id = t.id AND m.role = 'owner'),
                   s.reason, s.suspended_at
            FROM tenants t
            LEFT JOIN tenant_billing b ON b.tenant_id = t.id
            LEFT JOIN tenant_suspensions s ON s.tenant_id = t.id
            LEFT JOIN tenant_privacy p ON p.tenant_id = t.id
            LEFT JOIN usage_counters u ON u.tenant_id = t.id AND u.period = ?
            """;

    private final DataSource dataSource;

    OperatorTenants(DataSource dataSource) {
        this.dataSource = dataSource; // transaction-aware: joins the platform scope's transaction
    }

    /**
     * Newest first, after the tenant id {@code before} (ids are time-ordered UUIDv7), {@code limit} rows. {@code search}
     * matches a part of the name, the owner's email, or the whole id.
     */
    public List<TenantSummary> page(@Nullable String search, UUID before, int limit, Instant now) {
        String sql = SELECT + """
                WHERE t.id < ? AND (CAST(? AS text) IS NULL OR t.name ILIKE ? OR t.id::text = lower(CAST(? AS text))
                    OR EXISTS (SELECT 1 FROM memberships m JOIN users us ON us.id = m.user_id
                               WHERE m.tenant_id = t.id AND lower(us.email) LIKE ?))
                ORDER BY t.id DESC LIMIT ?""";
        String pattern = search == null ? null : "%" + escape(search) + "%";
        try (PreparedStatement query = dataSource.getConnection().prepareStatement(sql)) {
            query.setString(1, UsagePeriod.of(now));
            query.setObject(2, before);
            query.setString(3, search);
            query.setString(4, pattern);
            query.setString(5, search);
            query.setString(6, pattern == null ? null : pattern.toLowerCase(java.util.Locale.ROOT));
            query.setInt(7, limit);
            return read(query);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the tenants", e);
        }
    }

    public Optional<TenantSummary> find(UUID tenant, Instant now) {
        try (PreparedStatement query = dataSource.getConnection().prepareStatement(SELECT + " WHERE t.id = ?")) {
            query.setString(1, UsagePeriod.of(now));
            query.setObject(2, tenant);
            return read(query).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the tenant", e);
        }
    }

    private static List<TenantSummary> read(PreparedStatement query) throws SQLException {
        List<TenantSummary> tenants = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Timestamp suspendedAt = rows.getTimestamp(13);
                tenants.add(new TenantSummary(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getTimestamp(6).toInstant(), rows.getLong(7),
                        rows.getLong(8), rows.getLong(9), rows.getLong(10), rows.getString(11), rows.getString(12),
                        suspendedAt == null ? null : suspendedAt.toInstant()));
            }
        }
        return tenants;
    }

    /** A LIKE pattern matches the text itself, not the wildcards a name may contain. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
