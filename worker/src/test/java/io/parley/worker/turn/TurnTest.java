package io.parley.worker.turn;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.core.account.TenantRepository;
import io.parley.core.bot.BotRepository;
import io.parley.core.contact.ContactRepository;
import io.parley.core.contact.ContactRow;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.conversation.MessageRow;
import io.parley.core.flow.Flow;
import io.parley.core.flow.FlowCodec;
import io.parley.core.flow.FlowRepository;
import io.parley.core.message.InboundEvent;
import io.parley.core.queue.Job;
import io.parley.core.secrets.SecretBox;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import io.parley.core.usage.LlmUsageRepository;
import io.parley.core.usage.LlmUsageRow;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives the inbound turn handler directly with jobs, on real PostgreSQL: tenants, bots, channels and inbound
 * events are written with core's repositories (the worker does not depend on the API), and results are read back
 * the same way.
 */
abstract class TurnTest implements DatabaseTest {

    /** These tests run handlers directly; the queue runner would run the jobs they inspect. */
    @Override
    public java.util.Map<String, String> getProperties() {
        java.util.Map<String, String> properties = new java.util.LinkedHashMap<>(DatabaseTest.super.getProperties());
        properties.put("parley.queue.enabled", "false");
        // Turns here stop at the reply and its outbound.send job (no provider to send to); InlineReplyTest sends.
        properties.put("parley.turn.inline-send", "false");
        return properties;
    }

    private static final AtomicLong JOB_IDS = new AtomicLong(1);

    @Inject
    TenantScope scope;
    @Inject
    TenantRepository tenants;
    @Inject
    BotRepository bots;
    @Inject
    FlowRepository flows;
    @Inject
    FlowCodec codec;
    @Inject
    ContactRepository contacts;
    @Inject
    ConversationRepository conversations;
    @Inject
    MessageRepository messages;
    @Inject
    LlmUsageRepository llmUsage;
    @Inject
    SecretBox secrets;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    @Inject
    InboundTurnHandler handler;

    /** A new tenant (free plan) with one bot and one channel of {@code type}. */
    World world(BotSpec spec, String type) {
        TenantId tenant = new TenantId(Ids.next());
        UUID botId = Ids.next();
        UUID channelId = Ids.next();
        scope.writeVoid(tenant, () -> {
            tenants.insert(tenant.value(), "Turn test tenant");
            String sealed = spec.apiKey == null ? null
                    : secrets.seal(spec.apiKey, "tenant:" + tenant + "/bot:" + botId + "/llmApiKey");
            bots.insert(tenant.value(), botId, spec.name, spec.status, spec.persona, spec.provider, spec.baseUrl,
                    spec.model, sealed, null, null, null, spec.timeoutMs, spec.historyWindow, spec.welcome,
                    spec.fallback, spec.limitMessage, spec.conversion, spec.perHour, spec.perDay, spec.tierLimits);
            bots.setModeration(tenant.value(), botId, spec.moderation);
            bots.setMemorySettings(tenant.value(), botId, spec.memory);
            sql("INSERT INTO channels (tenant_id, id, bot_id, type, name) VALUES (?, ?, ?, ?, 'test')",
                    tenant.value(), channelId, botId, type);
        });
        return new World(tenant, botId, channelId);
    }

    record World(TenantId tenant, UUID bot, UUID channel) {
    }

    void flow(World world, Flow flow) {
        scope.writeVoid(world.tenant(), () -> flows.insert(world.tenant().value(), flow.id(), world.bot(), flow.name(),
                flow.enabled(), flow.priority(), flow.trigger().type(), codec.writeTrigger(flow.trigger()),
                codec.writeSteps(flow.steps()), codec.writeCondition(flow.condition())));
    }

    static InboundEvent text(World world, String user, String text) {
        return event(world, InboundEvent.Type.TEXT, user, text, null, "rt-" + UUID.randomUUID());
    }

    static InboundEvent event(World world, InboundEvent.Type type, String user, String text, String postback,
                              String replyToken) {
        return new InboundEvent(world.channel(), "ev-" + UUID.randomUUID(), type, user, "Mei Lin", text, postback,
                null, "pm-" + UUID.randomUUID(), replyToken, null, true, Instant.now(), null);
    }

    /** Stores the event as the ingress would; returns its id. */
    UUID store(World world, InboundEvent event) {
        UUID id = Ids.next();
        scope.writeVoid(world.tenant(), () -> sql("""
                INSERT INTO inbound_events (tenant_id, id, channel_id, provider_event_id, kind, payload)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))""", world.tenant().value(), id, world.channel(),
                event.providerEventId(), event.type().name().toLowerCase(), write(event)));
        return id;
    }

    void run(World world, UUID eventId) {
        handler.run(new Job(JOB_IDS.getAndIncrement(), world.tenant(), "inbound.turn",
                "{\"eventId\": \"" + eventId + "\"}", 1, 10));
    }

    /** Stores and runs one event; returns its id (also the inbound message's). */
    UUID turn(World world, InboundEvent event) {
        UUID id = store(world, event);
        run(world, id);
        return id;
    }

    UUID say(World world, String user, String text) {
        return turn(world, text(world, user, text));
    }

    ConversationRow conversation(World world, UUID inboundMessageId) {
        return scope.read(world.tenant(), () -> {
            MessageRow message = messages.find(world.tenant().value(), inboundMessageId).orElseThrow();
            return conversations.find(world.tenant().value(), message.conversationId()).orElseThrow();
        });
    }

    List<MessageRow> messagesOf(World world, UUID conversationId) {
        return scope.read(world.tenant(), () ->
                messages.pageForward(world.tenant().value(), conversationId, new UUID(0, 0), 500));
    }

    /** The replies the bot queued after {@code inboundMessageId}. */
    List<MessageRow> repliesTo(World world, UUID inboundMessageId) {
        return messagesOf(world, conversation(world, inboundMessageId).id()).stream()
                .filter(m -> m.payload().contains(inboundMessageId.toString())).toList();
    }

    List<String> replyTexts(World world, UUID inboundMessageId) {
        return repliesTo(world, inboundMessageId).stream().map(MessageRow::text).toList();
    }

    ContactRow contactOf(World world, UUID inboundMessageId) {
        UUID contactId = conversation(world, inboundMessageId).contactId();
        return scope.read(world.tenant(), () -> contacts.find(world.tenant().value(), contactId).orElseThrow());
    }

    List<LlmUsageRow> usageOf(World world) {
        return scope.read(world.tenant(), () -> llmUsage.recentForBot(world.tenant().value(), world.bot(), 100));
    }

    /** The tenant's outbound.send jobs, oldest first: args, unique key, serial key. */
    List<QueuedJob> sendJobs(World world) {
        return scope.read(world.tenant(), () -> {
            List<QueuedJob> jobs = new ArrayList<>();
            try (PreparedStatement select = dataSource.getConnection().prepareStatement("""
                    SELECT CAST(args AS text), unique_key, serial_key FROM jobs
                    WHERE tenant_id = ? AND kind = 'outbound.send' ORDER BY id""")) {
                select.setObject(1, world.tenant().value());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        jobs.add(new QueuedJob(read(rows.getString(1)), rows.getString(2), rows.getString(3)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return jobs;
        });
    }

    record QueuedJob(Map<String, Object> args, String uniqueKey, String serialKey) {
    }

    /** The messages of the request the fake LLM got: [{role, content}, ...]. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> promptOf(FakeLlm.Call call) {
        return (List<Map<String, Object>>) read(call.body()).get("messages");
    }

    Map<String, Object> read(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs inside the current tenant scope (the transaction-aware DataSource joins it). */
    void sql(String statement, Object... parameters) {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement prepared = connection.prepareStatement(statement)) {
                for (int i = 0; i < parameters.length; i++) {
                    prepared.setObject(i + 1, parameters[i]);
                }
                prepared.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
