package io.parley.core.trigger;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.segment.SegmentQuery;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Who a schedule occurrence is for and has not reached yet: contacts with an identity on the bot's channels (never
 * the test chat's), not blocked, created by the occurrence's time (a contact created at 09:30 does not get the 09:00
 * message at the next scan), narrowed by the segment's condition when the trigger names one (SegmentQuery's SQL,
 * the same the broadcasts use). Dynamic SQL, so plain JDBC; call inside the tenant's transaction.
 */
@Singleton
final class ScheduleAudience {

    private final DataSource dataSource;
    private final SegmentQuery segments;

    ScheduleAudience(DataSource dataSource, SegmentQuery segments) {
        this.dataSource = dataSource; // transaction-aware: joins the caller's transaction
        this.segments = segments;
    }

    List<UUID> next(UUID tenant, ProactiveFlow flow, String occurrence, Instant at,
                    @Nullable io.parley.core.segment.SegmentDefinition segment, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT c.id FROM contacts c
                WHERE c.tenant_id = ? AND NOT c.blocked AND NOT c.test_only AND c.created_at <= ?
                  AND EXISTS (SELECT 1 FROM contact_identities ci
                              JOIN channels ch ON ch.tenant_id = ci.tenant_id AND ch.id = ci.channel_id
                              WHERE ci.tenant_id = c.tenant_id AND ci.contact_id = c.id AND ch.bot_id = ?
                                AND NOT ch.test_only)
                  AND NOT EXISTS (SELECT 1 FROM trigger_runs r WHERE r.tenant_id = c.tenant_id AND r.flow_id = ?
                                  AND r.contact_id = c.id AND r.occurrence = ?)""");
        List<Object> parameters = new ArrayList<>(List.of(tenant, Timestamp.from(at), flow.botId(), flow.id(),
                occurrence));
        if (segment != null) {
            SegmentQuery.Where where = segments.where(tenant, segment);
            sql.append(" AND (").append(where.sql()).append(')');
            parameters.addAll(where.parameters());
        }
        sql.append(" ORDER BY c.id LIMIT ?");
        parameters.add(limit);
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                List<UUID> ids = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("schedule audience query failed: " + e.getMessage(), e);
        }
    }
}
