package io.parley.worker.outbound;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.parley.core.account.TenantRepository;
import io.parley.core.bot.BotRepository;
import io.parley.core.channel.ChannelRepository;
import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.SealedCredentials;
import io.parley.core.contact.ContactRepository;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.conversation.MessageRow;
import io.parley.core.flow.Step;
import io.parley.core.message.JobKinds;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobHandler;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Base of outbound send tests: the worker's context on the shared test database with the providers pointed at
 * {@link FakeProviders}, and rows made with core's repositories (tenant, bot, channel with sealed credentials,
 * contact, conversation, queued messages). Jobs are run the way the queue runs them: the {@link JobHandler} bean
 * for {@code outbound.send}, handed a claimed {@link Job}.
 */
public abstract class OutboundTest implements DatabaseTest {

    protected static final String LINE_USER = "Udeadbeefdeadbeefdeadbeefdeadbeef";

    protected final FakeProviders fake = FakeProviders.start();

    @Inject
    protected ApplicationContext context;
    @Inject
    protected TenantScope scope;
    @Inject
    protected JsonMapper json;
    @Inject
    TenantRepository tenants;
    @Inject
    BotRepository bots;
    @Inject
    ChannelRepository channels;
    @Inject
    ContactRepository contacts;
    @Inject
    ConversationRepository conversations;
    @Inject
    protected MessageRepository messages;
    @Inject
    SealedCredentials sealed;

    private long jobIds;

    /** One contact's conversation on one channel of a new tenant. */
    protected record Chat(TenantId tenant, ChannelRow channel, UUID conversationId, String externalUserId) {
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(DatabaseTest.super.getProperties());
        properties.putAll(fake.properties());
        properties.put("parley.queue.enabled", "false"); // handlers are run directly; jobs stay as enqueued
        return properties;
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    /** A new tenant with a bot, a channel of {@code type} with these credentials, and a contact on it. */
    protected Chat chat(ChannelType type, Map<String, String> credentials, String externalUserId) {
        TenantId tenant = new TenantId(Ids.next());
        UUID botId = Ids.next();
        UUID channelId = Ids.next();
        UUID conversationId = Ids.next();
        ChannelRow channel = scope.write(tenant, () -> {
            UUID t = tenant.value();
            tenants.insert(t, "Outbound " + tenant);
            bots.insert(t, botId, "Test bot", "active", "", "openai-compatible", null, null, null, null, null, null,
                    null, 10, null, null, null, "none", null, null, "{}");
            channels.insert(t, channelId, botId, type.wireName(), "Test " + type.label(), null,
                    credentials.isEmpty() ? null : sealed.seal(t, channelId, credentials), "{}", null);
            UUID contactId = contacts.upsertByIdentity(t, channelId, externalUserId, "Test User", null).contact().id();
            conversations.upsert(t, conversationId, botId, channelId, contactId);
            return channels.find(t, botId, channelId).orElseThrow();
        });
        return new Chat(tenant, channel, conversationId, externalUserId);
    }

    /** A LINE chat with {@link #LINE_USER}. */
    protected Chat lineChat() {
        return chat(ChannelType.LINE, Map.of("channelSecret", "s", "channelAccessToken", "line-token-" + Ids.next()),
                LINE_USER);
    }

    protected UUID queueText(Chat chat, String text) {
        return queue(chat, "text", text, "{}");
    }

    protected UUID queueButtons(Chat chat, String text, Step.Style style, List<Step.Button> buttons) {
        return queue(chat, "buttons", text, write(new Step.Buttons(text, buttons, style)));
    }

    protected UUID queue(Chat chat, String type, @Nullable String text, String payload) {
        UUID id = Ids.next();
        scope.writeVoid(chat.tenant(), () -> messages.insert(chat.tenant().value(), id, chat.conversationId(),
                "outbound", "bot", null, type, text, payload, null, "queued"));
        return id;
    }

    /** Runs an outbound.send job for the messages (first attempt of 10). */
    protected void send(Chat chat, List<UUID> messageIds, @Nullable String replyToken, @Nullable Instant inboundAt)
            throws Exception {
        send(chat, messageIds, replyToken, inboundAt, 1);
    }

    protected void send(Chat chat, List<UUID> messageIds, @Nullable String replyToken, @Nullable Instant inboundAt,
                        int attempt) throws Exception {
        String args = write(new OutboundSendArgs(chat.conversationId(), messageIds, replyToken, inboundAt));
        handler().run(new Job(++jobIds, chat.tenant(), JobKinds.OUTBOUND_SEND, args, attempt, 10));
    }

    protected void send(Chat chat, List<UUID> messageIds) throws Exception {
        send(chat, messageIds, null, null);
    }

    protected MessageRow message(Chat chat, UUID id) {
        return scope.read(chat.tenant(), () -> messages.find(chat.tenant().value(), id).orElseThrow());
    }

    protected ChannelRow channelNow(Chat chat) {
        return scope.read(chat.tenant(), () -> channels.find(chat.tenant().value(), chat.channel().botId(),
                chat.channel().id()).orElseThrow());
    }

    protected boolean following(Chat chat) {
        return scope.read(chat.tenant(), () -> contacts.identities(chat.tenant().value(), List.of(
                contactId(chat))).getFirst().following());
    }

    private UUID contactId(Chat chat) {
        return conversations.find(chat.tenant().value(), chat.conversationId()).orElseThrow().contactId();
    }

    private JobHandler handler() {
        return context.getBeansOfType(JobHandler.class).stream()
                .filter(handler -> handler.kind().equals(JobKinds.OUTBOUND_SEND)).findFirst().orElseThrow();
    }

    protected String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
