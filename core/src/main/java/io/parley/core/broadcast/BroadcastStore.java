package io.parley.core.broadcast;

import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code broadcasts} rows. Call inside the tenant's scope ({@link io.parley.core.tenancy.TenantScope}). */
@Singleton
public final class BroadcastStore {

    private static final String COLUMNS = "tenant_id, id, name, segment_id, channel_ids, message::text AS message,"
            + " quiet_hours::text AS quiet_hours, state, state_reason, scheduled_at, started_at, finished_at,"
            + " planned_count, opted_out_count, created_at, updated_at";

    private final Sql sql;

    BroadcastStore(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    public void insert(UUID tenant, UUID id, String name, UUID segmentId, List<UUID> channelIds, String messageJson,
                       String quietHoursJson, String createdBy) {
        sql.update("INSERT INTO broadcasts (tenant_id, id, name, segment_id, channel_ids, message, quiet_hours,"
                        + " created_by) VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)",
                tenant, id, name, segmentId, channelIds.toArray(UUID[]::new), messageJson, quietHoursJson, createdBy);
    }

    public Optional<BroadcastRow> find(UUID tenant, UUID id) {
        return sql.list("SELECT " + COLUMNS + " FROM broadcasts WHERE tenant_id = ? AND id = ?", BroadcastStore::row,
                tenant, id).stream().findFirst();
    }

    public Optional<BroadcastRow> findForUpdate(UUID tenant, UUID id) {
        return sql.list("SELECT " + COLUMNS + " FROM broadcasts WHERE tenant_id = ? AND id = ? FOR UPDATE",
                BroadcastStore::row, tenant, id).stream().findFirst();
    }

    /** Newest first, ids below {@code before} (ids are time-ordered UUIDv7). */
    public List<BroadcastRow> page(UUID tenant, UUID before, int limit) {
        return sql.list("SELECT " + COLUMNS + " FROM broadcasts WHERE tenant_id = ? AND id < ? ORDER BY id DESC"
                + " LIMIT ?", BroadcastStore::row, tenant, before, limit);
    }

    /** Moves the broadcast to {@code to}; false when its state is no longer one of {@code from}. */
    public boolean transition(UUID tenant, UUID id, List<BroadcastState> from, BroadcastState to, String reason) {
        String[] states = from.stream().map(BroadcastState::wireName).toArray(String[]::new);
        return sql.update("UPDATE broadcasts SET state = ?, state_reason = ?, updated_at = now(),"
                        + " started_at = CASE WHEN ? = 'running' THEN coalesce(started_at, now()) ELSE started_at END,"
                        + " finished_at = CASE WHEN ? IN ('completed', 'cancelled') THEN now() ELSE NULL END"
                        + " WHERE tenant_id = ? AND id = ? AND state = ANY(?)",
                to.wireName(), reason, to.wireName(), to.wireName(), tenant, id, states) > 0;
    }

    public void scheduled(UUID tenant, UUID id, Instant at, int planned, int optedOut) {
        sql.update("UPDATE broadcasts SET state = 'scheduled', scheduled_at = ?, planned_count = ?,"
                + " opted_out_count = ?, state_reason = NULL, updated_at = now() WHERE tenant_id = ? AND id = ?",
                at, planned, optedOut, tenant, id);
    }

    /** Recipients per status, every status present (0 when none). */
    public Map<String, Long> counts(UUID tenant, UUID id) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : RecipientStatus.ALL) {
            counts.put(status, 0L);
        }
        sql.list("SELECT status, count(*) FROM broadcast_recipients WHERE tenant_id = ? AND broadcast_id = ?"
                + " GROUP BY status", row -> counts.put(row.getString(1), row.getLong(2)), tenant, id);
        return counts;
    }

    /**
     * Recipients this tenant's broadcasts reached or will reach in [from, to): every planned recipient of a
     * broadcast scheduled in the period except cancelled ones (the plan's monthly quota counts them).
     */
    public long recipientsScheduledIn(UUID tenant, Instant from, Instant to) {
        return sql.count("SELECT count(*) FROM broadcast_recipients r JOIN broadcasts b ON b.tenant_id = r.tenant_id"
                + " AND b.id = r.broadcast_id WHERE r.tenant_id = ? AND b.scheduled_at >= ? AND b.scheduled_at < ?"
                + " AND r.status <> 'cancelled'", tenant, from, to);
    }

    /** The bot a channel of the tenant belongs to (channels are looked up by bot and id). */
    public Optional<UUID> channelBot(UUID tenant, UUID channel) {
        return sql.list("SELECT bot_id FROM channels WHERE tenant_id = ? AND id = ?", row -> Sql.uuid(row, "bot_id"),
                tenant, channel).stream().findFirst();
    }

    private static BroadcastRow row(ResultSet row) throws SQLException {
        Array channels = row.getArray("channel_ids");
        List<UUID> channelIds = Arrays.asList((UUID[]) channels.getArray());
        return new BroadcastRow(Sql.uuid(row, "tenant_id"), Sql.uuid(row, "id"), row.getString("name"),
                Sql.uuid(row, "segment_id"), List.copyOf(channelIds), row.getString("message"),
                row.getString("quiet_hours"), BroadcastState.parse(row.getString("state")),
                row.getString("state_reason"), Sql.instant(row, "scheduled_at"), Sql.instant(row, "started_at"),
                Sql.instant(row, "finished_at"), row.getInt("planned_count"), row.getInt("opted_out_count"),
                Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
    }
}
