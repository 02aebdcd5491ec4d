package io.parley.worker.ingress;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.parley.core.message.InboundEvent;
import io.parley.core.message.JobKinds;
import io.parley.core.queue.JobRequest;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The SQL of storing inbound events: one multi-row INSERT per tenant and commit, whatever the number of events
 * (arrays unnested server-side, so the statement text is constant and stays prepared). Duplicates — a provider's
 * redelivery, or the same event twice in one batch — are skipped by the unique key and simply not returned.
 */
@Singleton
final class InboundEventWriter {

    private static final String INSERT = """
            INSERT INTO inbound_events (tenant_id, id, channel_id, provider_event_id, kind, payload)
            SELECT ?, CAST(e.id AS uuid), CAST(e.channel_id AS uuid), e.provider_event_id, e.kind, CAST(e.payload AS jsonb)
            FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                WITH ORDINALITY AS e(id, channel_id, provider_event_id, kind, payload, ord)
            ORDER BY e.ord
            ON CONFLICT (tenant_id, channel_id, provider_event_id) DO NOTHING
            RETURNING id""";

    private final DataSource dataSource;
    private final JsonMapper json;
    private final Duration debounce;

    /**
     * @param debounce {@code parley.turn.coalesce-debounce}: a text or sticker's turn waits this long (database clock)
     *                 so that the contact's next messages, typed right after, are answered with it in one turn
     *                 (docs/conversation-turn.md, "Several messages, one answer"); 0 turns it off
     */
    InboundEventWriter(DataSource dataSource, JsonMapper json,
                       @Value("${parley.turn.coalesce-debounce:1s}") Duration debounce) {
        this.dataSource = dataSource; // transaction-aware: joins the caller's tenant transaction
        this.json = json;
        if (debounce.isNegative()) {
            throw new IllegalArgumentException("parley.turn.coalesce-debounce must not be negative");
        }
        this.debounce = debounce;
    }

    /** One event ready to insert: its new id, JSON and turn job. Built on the request's thread, not the writer's. */
    record EventRow(UUID id, InboundEvent event, String payload, JobRequest job) {
    }

    EventRow row(InboundEvent received) {
        UUID id = Ids.next();
        InboundEvent event = withoutNul(received);
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JobRequest job = JobRequest.of(JobKinds.INBOUND_TURN, "{\"eventId\":\"" + id + "\"}")
                .unique("in:" + event.channelId() + ":" + event.providerEventId())
                // a delivery status runs after the send that produced its provider id, which is on the send key
                .serial(event.type() == InboundEvent.Type.STATUS ? event.sendKey() : event.conversationKey())
                // A turn blocks its conversation while it retries; LLM failures never reach the queue (the turn sends
                // the fallback), so what is left is infrastructure: 5 attempts with attempt⁴ backoff ≈ 6 minutes.
                .maxAttempts(5)
                // while its LINE reply token is fresh the queue takes this conversation first (docs/architecture/queue.md)
                .replyToken(event.replyToken() == null ? null : event.occurredAt());
        if (mayGoToTheLlm(event) && !debounce.isZero()) {
            job = job.after(debounce);
        }
        return new EventRow(id, event, payload, job);
    }

    /** Only what the LLM may answer is coalesced; button presses, follows and media are answered at once. */
    private static boolean mayGoToTheLlm(InboundEvent event) {
        return event.type() == InboundEvent.Type.TEXT || event.type() == InboundEvent.Type.STICKER;
    }

    /** Inserts the rows of one tenant; returns the ids of those that were new. */
    Set<UUID> insert(TenantId tenant, List<EventRow> rows) {
        int size = rows.size();
        String[][] columns = new String[5][size];
        for (int i = 0; i < size; i++) {
            EventRow row = rows.get(i);
            columns[0][i] = row.id().toString();
            columns[1][i] = row.event().channelId().toString();
            columns[2][i] = row.event().providerEventId();
            columns[3][i] = row.event().type().name().toLowerCase(Locale.ROOT);
            columns[4][i] = row.payload();
        }
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, tenant.value());
                for (int column = 0; column < columns.length; column++) {
                    insert.setArray(column + 2, connection.createArrayOf("text", columns[column]));
                }
                Set<UUID> inserted = new HashSet<>();
                try (ResultSet ids = insert.executeQuery()) {
                    while (ids.next()) {
                        inserted.add(ids.getObject(1, UUID.class));
                    }
                }
                return inserted;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store " + size + " inbound events", e);
        }
    }

    /** PostgreSQL text and jsonb cannot hold U+0000, which a contact can type; it carries no meaning, so drop it. */
    private static InboundEvent withoutNul(InboundEvent e) {
        Map<String, String> attributes = null;
        if (e.attributes() != null) {
            attributes = new HashMap<>();
            for (Map.Entry<String, String> entry : e.attributes().entrySet()) {
                attributes.put(entry.getKey(), clean(entry.getValue()));
            }
        }
        return new InboundEvent(e.channelId(), clean(e.providerEventId()), e.type(), clean(e.externalUserId()),
                clean(e.displayName()), clean(e.text()), clean(e.postbackData()), clean(e.mediaId()),
                clean(e.providerMessageId()), clean(e.replyToken()), e.statusUpdate(), e.directChat(), e.occurredAt(),
                attributes);
    }

    private static String clean(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }
}
