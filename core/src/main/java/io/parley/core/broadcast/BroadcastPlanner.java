package io.parley.core.broadcast;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.core.segment.SegmentDefinition;
import io.parley.core.segment.SegmentQuery;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plans a broadcast's recipients up front (docs/broadcasts.md "Planning"): one row per contact of the segment that
 * has a reachable identity on one of the broadcast's channels (following, not on the suppression list; the first
 * such channel in the broadcast's order), with its rendered content when the message names contact fields.
 * Contacts matched but reachable on none of the channels because of an opt-out (keyword, API or unfollow) are
 * counted. Streams the candidates and inserts in batches of {@value #BATCH}, so 100,000 recipients never sit in
 * memory; a second planning of the same broadcast adds nobody twice (unique per broadcast and contact). Call inside
 * the tenant's write scope.
 */
@Singleton
public final class BroadcastPlanner {

    static final int BATCH = 1000;

    private static final String OPTED_OUT = "EXISTS (SELECT 1 FROM contact_opt_outs o WHERE o.tenant_id ="
            + " ci.tenant_id AND o.channel_id = ci.channel_id AND o.external_user_id = ci.external_user_id)";

    private final Sql sql;
    private final SegmentQuery segments;
    private final JsonMapper json;

    BroadcastPlanner(DataSource dataSource, SegmentQuery segments, JsonMapper json) {
        this.sql = new Sql(dataSource);
        this.segments = segments;
        this.json = json;
    }

    public record Planned(int recipients, int optedOut) {
    }

    public Planned plan(UUID tenant, UUID broadcast, SegmentDefinition segment, List<UUID> channels,
                        BroadcastMessage message) {
        SegmentQuery.Where where = segments.where(tenant, segment);
        UUID[] channelArray = channels.toArray(UUID[]::new);
        List<Object> parameters = parameters(where, channelArray);
        String select = candidates(where);
        boolean personal = message.personal();
        int planned = 0;
        try (PreparedStatement candidates = sql.prepare(select, parameters.toArray());
             PreparedStatement insert = sql.connection().prepareStatement("INSERT INTO broadcast_recipients"
                     + " (tenant_id, broadcast_id, contact_id, channel_id, external_user_id, content)"
                     + " VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT DO NOTHING")) {
            candidates.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = candidates.executeQuery()) {
                while (rows.next()) {
                    insert.setObject(1, tenant);
                    insert.setObject(2, broadcast);
                    insert.setObject(3, rows.getObject(1, UUID.class));
                    insert.setObject(4, rows.getObject(2, UUID.class));
                    insert.setString(5, rows.getString(3));
                    insert.setString(6, personal ? render(message, rows) : null);
                    insert.addBatch();
                    if (++pending == BATCH) {
                        planned += sum(insert.executeBatch());
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                planned += sum(insert.executeBatch());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("planning broadcast " + broadcast + " failed: " + e.getMessage(), e);
        }
        long optedOut = optedOut(where, channelArray);
        return new Planned(planned, (int) optedOut);
    }

    /** Who a broadcast to this segment on these channels would reach now: recipients per channel, opted out. */
    public record Reach(Map<UUID, Long> perChannel, long optedOut) {
    }

    /** Counts what {@link #plan} would plan, without planning (the composer's estimate); read scope suffices. */
    public Reach reach(UUID tenant, SegmentDefinition segment, List<UUID> channels) {
        SegmentQuery.Where where = segments.where(tenant, segment);
        UUID[] channelArray = channels.toArray(UUID[]::new);
        Map<UUID, Long> perChannel = new java.util.LinkedHashMap<>();
        channels.forEach(channel -> perChannel.put(channel, 0L));
        sql.list("SELECT channel_id, count(*) FROM (" + candidates(where) + ") r GROUP BY channel_id",
                row -> perChannel.put(row.getObject(1, UUID.class), row.getLong(2)),
                parameters(where, channelArray).toArray());
        return new Reach(perChannel, optedOut(where, channelArray));
    }

    /** One row per reachable contact: its first channel in the broadcast's order where it follows, not opted out. */
    private static String candidates(SegmentQuery.Where where) {
        return "SELECT DISTINCT ON (c.id) c.id, ci.channel_id, ci.external_user_id, c.display_name, c.tier,"
                + " c.attributes::text AS attributes FROM contacts c JOIN contact_identities ci ON ci.tenant_id ="
                + " c.tenant_id AND ci.contact_id = c.id WHERE " + where.sql() + " AND ci.channel_id = ANY(?)"
                + " AND ci.following AND NOT " + OPTED_OUT + " ORDER BY c.id, array_position(?, ci.channel_id)";
    }

    private static List<Object> parameters(SegmentQuery.Where where, UUID[] channels) {
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(channels);
        parameters.add(channels);
        return parameters;
    }

    /** Contacts of the segment reachable on none of the channels because of an opt-out. */
    private long optedOut(SegmentQuery.Where where, UUID[] channels) {
        return sql.count("SELECT count(*) FROM contacts c WHERE " + where.sql() + " AND EXISTS (SELECT 1"
                + " FROM contact_identities ci WHERE ci.tenant_id = c.tenant_id AND ci.contact_id = c.id AND"
                + " ci.channel_id = ANY(?) AND " + OPTED_OUT + ") AND NOT EXISTS (SELECT 1 FROM contact_identities ci"
                + " WHERE ci.tenant_id = c.tenant_id AND ci.contact_id = c.id AND ci.channel_id = ANY(?) AND"
                + " ci.following AND NOT " + OPTED_OUT + ")", parameters(where, channels).toArray());
    }

    private String render(BroadcastMessage message, ResultSet row) throws SQLException {
        try {
            Map<String, Object> attributes = json.readValue(row.getString("attributes"),
                    Argument.mapOf(String.class, Object.class));
            return json.writeValueAsString(message.render(new BroadcastMessage.ContactFields(
                    row.getString("display_name"), row.getString("tier"), attributes == null ? Map.of() : attributes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int count : counts) {
            total += Math.max(count, 0);
        }
        return total;
    }
}
