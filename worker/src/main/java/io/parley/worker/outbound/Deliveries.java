package io.parley.worker.outbound;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.parley.core.channel.ChannelRepository;
import io.parley.core.channel.ChannelRow;
import io.parley.core.contact.ContactIdentityRow;
import io.parley.core.contact.ContactRepository;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.conversation.MessageRow;
import io.parley.core.events.TenantEvents;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The database side of an outbound send, each step one short tenant transaction (none is open while a provider is
 * called): load what to send, remember postback references, record sent or failed messages with their tenant
 * events, mark a channel unhealthy or a contact unfollowed.
 */
@Singleton
final class Deliveries {

    /** Everything one send needs. {@code identity} is the contact's identity on the conversation's channel. */
    record Plan(ConversationRow conversation, ChannelRow channel, @Nullable ContactIdentityRow identity,
                List<MessageRow> messages) {

        List<MessageRow> queued() {
            return messages.stream().filter(message -> "queued".equals(message.status())).toList();
        }

        /** True while no message of the job has left: only then may the job use its (single-use) reply token. */
        boolean untouched() {
            return messages.stream().allMatch(message -> "queued".equals(message.status()));
        }
    }

    /** A message the provider took, with its id there. */
    record Sent(UUID messageId, @Nullable String providerMessageId) {
    }

    private final TenantScope scope;
    private final ConversationRepository conversations;
    private final ChannelRepository channels;
    private final ContactRepository contacts;
    private final MessageRepository messages;
    private final TenantEvents events;
    private final JsonMapper json;

    Deliveries(TenantScope scope, ConversationRepository conversations, ChannelRepository channels,
               ContactRepository contacts, MessageRepository messages, TenantEvents events, JsonMapper json) {
        this.scope = scope;
        this.conversations = conversations;
        this.channels = channels;
        this.contacts = contacts;
        this.messages = messages;
        this.events = events;
        this.json = json;
    }

    /** Empty when the conversation or its channel is gone (deleted since the job was enqueued). */
    Optional<Plan> load(TenantId tenant, OutboundSendArgs args) {
        UUID t = tenant.value();
        return scope.read(tenant, () -> conversations.find(t, args.conversationId()).flatMap(conversation ->
                channels.find(t, conversation.botId(), conversation.channelId()).map(channel -> {
                    ContactIdentityRow identity = contacts.identities(t, List.of(conversation.contactId())).stream()
                            .filter(candidate -> candidate.channelId().equals(channel.id())).findFirst().orElse(null);
                    List<MessageRow> rows = messages.findOutbound(t, conversation.id(), args.messageIds()).stream()
                            .sorted(Comparator.comparingInt(row -> args.messageIds().indexOf(row.id()))).toList();
                    return new Plan(conversation, channel, identity, rows);
                })));
    }

    /** Stores postback references (message id → reference → original data) before the messages leave. */
    void rememberReferences(TenantId tenant, Map<UUID, Map<String, String>> references) {
        if (references.isEmpty()) {
            return;
        }
        scope.writeVoid(tenant, () -> references.forEach((messageId, added) ->
                messages.mergePayload(tenant.value(), messageId, write(Map.of(PostbackReferences.PAYLOAD_KEY, added)))));
    }

    /** Marks the messages sent (only those still queued: a re-run changes nothing) and tells the dashboard. */
    void recordSent(TenantId tenant, UUID conversationId, List<Sent> sent) {
        scope.writeVoid(tenant, () -> {
            for (Sent message : sent) {
                if (messages.markSent(tenant.value(), message.messageId(), message.providerMessageId()) == 1) {
                    events.publish(tenant, "message.sent", Map.of("conversationId", conversationId.toString(),
                            "messageId", message.messageId().toString(), "status", "sent"));
                }
            }
            conversations.recordOutbound(tenant.value(), conversationId);
        });
    }

    /** Fails the messages with a reason the inbox shows; a status that has moved on stays (forward only). */
    void recordFailed(TenantId tenant, UUID conversationId, List<UUID> messageIds, String reason) {
        scope.writeVoid(tenant, () -> {
            for (UUID messageId : messageIds) {
                if (messages.advanceStatus(tenant.value(), messageId, "failed", reason) == 1) {
                    Map<String, String> data = new LinkedHashMap<>();
                    data.put("conversationId", conversationId.toString());
                    data.put("messageId", messageId.toString());
                    data.put("status", "failed");
                    data.put("detail", reason);
                    events.publish(tenant, "message.status", data);
                }
            }
        });
    }

    void markUnhealthy(TenantId tenant, ChannelRow channel, String detail) {
        scope.writeVoid(tenant, () -> {
            channels.markUnhealthy(tenant.value(), channel.id(), detail);
            events.publish(tenant, "channel.unhealthy", Map.of("channelId", channel.id().toString(),
                    "botId", channel.botId().toString(), "type", channel.type(), "detail", detail));
        });
    }

    void markUnfollowed(TenantId tenant, UUID channelId, String externalUserId) {
        scope.writeVoid(tenant, () -> contacts.setFollowing(tenant.value(), channelId, externalUserId, false));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("a payload patch is not serializable", e);
        }
    }
}
