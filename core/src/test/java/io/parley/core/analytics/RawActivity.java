package io.parley.core.analytics;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's raw activity read back as the superuser, for brute-force expectations: every message and every LLM
 * call of a conversation, with its conversation's bot, channel and contact and the contact's first-seen time.
 */
record RawActivity(List<Fact> facts) {

    /**
     * One message ({@code inbound} from the contact, or outbound) or LLM call ({@code cost} ≥ 0, messages' -1).
     */
    record Fact(Instant at, UUID bot, UUID channel, UUID contact, Instant contactSeen, boolean inbound, long cost) {

        boolean llm() {
            return cost >= 0;
        }

        boolean in(@Nullable UUID botFilter, @Nullable UUID channelFilter) {
            return (botFilter == null || botFilter.equals(bot)) && (channelFilter == null
                    || channelFilter.equals(channel));
        }
    }

    static RawActivity of(SeededHistory history) {
        List<Fact> facts = new ArrayList<>();
        try (Connection connection = TestDatabase.shared().openSuperuserConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT m.created_at, c.bot_id, c.channel_id, c.contact_id, k.created_at,
                            m.direction = 'inbound', -1
                     FROM messages m
                     JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
                     JOIN contacts k ON k.tenant_id = c.tenant_id AND k.id = c.contact_id
                     WHERE m.tenant_id = ?
                     UNION ALL
                     SELECT u.created_at, u.bot_id, c.channel_id, c.contact_id, k.created_at, false,
                            coalesce(u.cost_micros, 0)
                     FROM llm_usage u
                     JOIN conversations c ON c.tenant_id = u.tenant_id AND c.id = u.conversation_id
                     JOIN contacts k ON k.tenant_id = c.tenant_id AND k.id = c.contact_id
                     WHERE u.tenant_id = ?""")) {
            statement.setObject(1, history.tenant().value());
            statement.setObject(2, history.tenant().value());
            ResultSet rows = statement.executeQuery();
            while (rows.next()) {
                facts.add(new Fact(rows.getTimestamp(1).toInstant(), rows.getObject(2, UUID.class),
                        rows.getObject(3, UUID.class), rows.getObject(4, UUID.class),
                        rows.getTimestamp(5).toInstant(), rows.getBoolean(6), rows.getLong(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new RawActivity(facts);
    }
}
