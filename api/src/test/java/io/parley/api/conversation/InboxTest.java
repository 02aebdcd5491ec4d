package io.parley.api.conversation;

import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.EventStream;
import io.parley.core.bot.BotRepository;
import io.parley.core.contact.ContactRepository;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.TestChannels;
import io.parley.core.testing.TestDatabase;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of inbox API tests. Conversations and messages arrive through the message pipeline, so tests create them
 * the way it does: a channel row, {@link ContactRepository#upsertByIdentity}, then the conversation and message
 * repositories in the tenant's scope.
 */
abstract class InboxTest extends ApiTest {

    @Inject
    TenantScope scope;
    @Inject
    BotRepository bots;
    @Inject
    DataSource dataSource;
    @Inject
    ContactRepository contacts;
    @Inject
    ConversationRepository conversations;
    @Inject
    MessageRepository messages;

    /** A new bot with a web channel; returns the channel. */
    Channel channel(String tenantId) {
        TenantId tenant = tenant(tenantId);
        UUID channelId = new TestChannels(scope, bots, dataSource).webChannel(tenant);
        return new Channel(tenantId, botOf(channelId), channelId);
    }

    /** A contact's conversation on {@code channel}, with one message from the contact. */
    String conversation(Channel channel, String externalUserId, String displayName, String firstMessage) {
        TenantId tenant = tenant(channel.tenantId());
        String id = scope.write(tenant, () -> {
            UUID contact = contacts.upsertByIdentity(tenant.value(), channel.channelId(), externalUserId, displayName,
                    null).contact().id();
            ConversationRow row = conversations.upsert(tenant.value(), Ids.next(), channel.botId(),
                    channel.channelId(), contact);
            return row.id().toString();
        });
        inbound(channel.tenantId(), id, firstMessage);
        return id;
    }

    /** A message from the contact, as the pipeline stores it (its own transaction, so its own time). */
    String inbound(String tenantId, String conversationId, String text) {
        return store(tenantId, conversationId, "inbound", "contact", "received", text);
    }

    /** A bot reply, as the pipeline stores it. */
    String botReply(String tenantId, String conversationId, String text) {
        return store(tenantId, conversationId, "outbound", "bot", "sent", text);
    }

    private String store(String tenantId, String conversationId, String direction, String sender, String status,
                         String text) {
        TenantId tenant = tenant(tenantId);
        UUID conversation = UUID.fromString(conversationId);
        UUID id = Ids.next();
        scope.writeVoid(tenant, () -> {
            messages.insert(tenant.value(), id, conversation, direction, sender, null, "text", text, "{}", null,
                    status);
            if (direction.equals("inbound")) {
                conversations.recordInbound(tenant.value(), conversation);
            } else {
                conversations.recordOutbound(tenant.value(), conversation);
            }
        });
        return id.toString();
    }

    /** Sets the activity time of conversations directly (ties, order), as the superuser. */
    void setLastMessageAt(String conversationId, Instant at) {
        superuserUpdate("UPDATE conversations SET last_message_at = ? WHERE id = ?", java.sql.Timestamp.from(at),
                UUID.fromString(conversationId));
    }

    void superuserUpdate(String sql, Object... parameters) {
        try (Connection connection = superuser();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads rows that RLS would hide from the app role (the jobs table, raw). */
    static Connection superuser() throws SQLException {
        var database = TestDatabase.shared();
        return DriverManager.getConnection(database.database().jdbcUrl(), database.superuser().username(),
                database.superuser().password());
    }

    EventStream events(String credential) {
        return EventStream.open(URI.create(server.getURL() + "/api/v1/events"), credential).awaitConnected();
    }

    private static UUID botOf(UUID channelId) {
        try (Connection connection = superuser();
             PreparedStatement statement = connection.prepareStatement("SELECT bot_id FROM channels WHERE id = ?")) {
            statement.setObject(1, channelId);
            var rows = statement.executeQuery();
            rows.next();
            return (UUID) rows.getObject(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static TenantId tenant(String tenantId) {
        return TenantId.parse(tenantId).orElseThrow();
    }

    static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.string("type")).isEqualTo("https://parley.dev/problems/" + type);
    }

    static void assertFieldError(Reply reply, String field) {
        assertProblem(reply, 400, "validation-failed");
        assertThat(reply.string("errors.0.field")).as(reply.text()).isEqualTo(field);
    }

    /** A test bot's web channel. */
    record Channel(String tenantId, UUID botId, UUID channelId) {
    }
}
