package io.parley.core.admin;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The installation's health across tenants for the operator console: the job queue's depth and oldest due job per
 * kind, and the channels whose last check with their provider failed. Call inside {@code TenantScope.asPlatform}.
 */
@Singleton
public final class PlatformHealth {

    /** Jobs of one kind waiting to run (due or not) or running, and the age of the oldest due one (0 when none). */
    public record QueueKind(String kind, long available, long scheduled, long running, long retryable,
                            double oldestDueSeconds) {
    }

    public record FailingChannel(UUID tenantId, String tenantName, UUID botId, UUID channelId, String type,
                                 @Nullable String name, @Nullable String detail, @Nullable Instant checkedAt) {
    }

    private final DataSource dataSource;

    PlatformHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<QueueKind> queue() {
        String sql = """
                SELECT kind,
                       count(*) FILTER (WHERE state = 'available' AND scheduled_at <= now()),
                       count(*) FILTER (WHERE state = 'available' AND scheduled_at > now()),
                       count(*) FILTER (WHERE state = 'running'),
                       count(*) FILTER (WHERE state = 'retryable'),
                       coalesce(extract(epoch FROM now() - min(scheduled_at)
                           FILTER (WHERE state IN ('available', 'retryable') AND scheduled_at <= now())), 0)
                FROM jobs WHERE state IN ('available', 'running', 'retryable')
                GROUP BY kind ORDER BY kind""";
        List<QueueKind> kinds = new ArrayList<>();
        try (PreparedStatement query = dataSource.getConnection().prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                kinds.add(new QueueKind(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                        rows.getLong(5), rows.getDouble(6)));
            }
            return kinds;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the queue", e);
        }
    }

    public List<FailingChannel> failingChannels(int limit) {
        String sql = """
                SELECT c.tenant_id, t.name, c.bot_id, c.id, c.type, c.name, c.health_detail, c.verified_at
                FROM channels c JOIN tenants t ON t.id = c.tenant_id
                WHERE c.health = 'unhealthy' ORDER BY c.updated_at DESC LIMIT ?""";
        List<FailingChannel> channels = new ArrayList<>();
        try (PreparedStatement query = dataSource.getConnection().prepareStatement(sql)) {
            query.setInt(1, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Timestamp checked = rows.getTimestamp(8);
                    channels.add(new FailingChannel(rows.getObject(1, UUID.class), rows.getString(2),
                            rows.getObject(3, UUID.class), rows.getObject(4, UUID.class), rows.getString(5),
                            rows.getString(6), rows.getString(7), checked == null ? null : checked.toInstant()));
                }
            }
            return channels;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the failing channels", e);
        }
    }
}
