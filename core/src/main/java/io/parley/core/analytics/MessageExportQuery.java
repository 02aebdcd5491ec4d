package io.parley.core.analytics;

import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The messages of a range, oldest first, read with a server-side cursor (1,000 rows a fetch) in one read-only
 * transaction, so an export of millions of rows holds one fetch in memory, not the result.
 */
@Singleton
public final class MessageExportQuery {

    private static final int FETCH = 1000;

    /** One exported message with its conversation's bot, channel and contact. */
    public record ExportRow(UUID messageId, UUID conversationId, UUID botId, UUID channelId, UUID contactId,
                            Instant createdAt, String direction, String sender, String type, String text,
                            String status, String statusDetail) {
    }

    private final TenantScope scope;
    private final DataSource dataSource;

    MessageExportQuery(TenantScope scope, DataSource dataSource) {
        this.scope = scope;
        this.dataSource = dataSource;
    }

    public void stream(AnalyticsRange range, Consumer<ExportRow> sink) {
        scope.read(new TenantId(range.tenant()), () -> {
            Map<String, Object> values = range.values();
            values.put("lowest", Ids.lowestAt(range.start().minus(Duration.ofHours(1))));
            values.put("highest", Ids.lowestAt(range.end().plus(Duration.ofHours(1))));
            String sql = """
                    SELECT m.id, m.conversation_id, c.bot_id, c.channel_id, c.contact_id, m.created_at, m.direction,
                           m.sender, m.type, m.text, m.status, m.status_detail
                    FROM messages m JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
                    WHERE m.tenant_id = :t AND m.id >= :lowest AND m.id < :highest
                      AND m.created_at >= :start AND m.created_at < :end%s
                    ORDER BY m.id""".formatted(range.filterSql("c"));
            try (PreparedStatement statement = NamedSql.prepare(dataSource.getConnection(), sql, values)) {
                statement.setFetchSize(FETCH);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(new ExportRow(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                                rows.getObject(3, UUID.class), rows.getObject(4, UUID.class),
                                rows.getObject(5, UUID.class), rows.getTimestamp(6).toInstant(), rows.getString(7),
                                rows.getString(8), rows.getString(9), rows.getString(10), rows.getString(11),
                                rows.getString(12)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Message export failed", e);
            }
            return null;
        });
    }
}
