package io.parley.api.conversation;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.parley.core.conversation.InboxRow;
import io.parley.core.conversation.MessageRow;
import io.parley.core.conversation.NoteRepository;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/** Turns inbox and message rows into responses. */
@Singleton
final class ConversationViews {

    private final JsonMapper json;

    ConversationViews(JsonMapper json) {
        this.json = json;
    }

    ConversationWire.ConversationResponse conversation(InboxRow row) {
        ConversationWire.MessagePreview preview = row.lastMessageId() == null ? null
                : new ConversationWire.MessagePreview(row.lastMessageId().toString(), row.lastMessageDirection(),
                row.lastMessageSender(), row.lastMessageType(),
                Boolean.TRUE.equals(row.lastMessageTruncated()) ? row.lastMessageText() + "…" : row.lastMessageText(),
                row.lastMessageStatus());
        return new ConversationWire.ConversationResponse(row.id().toString(),
                new ConversationWire.BotRef(row.botId().toString(), row.botName()),
                new ConversationWire.ChannelRef(row.channelId().toString(), row.channelType(), row.channelName()),
                new ConversationWire.ContactRef(row.contactId().toString(), row.contactDisplayName(), row.contactTier()),
                row.status(), row.botPaused(), text(row.takenOverBy()), row.takenOverAt(), row.unreadCount(),
                row.lastMessageAt(), row.lastInboundAt(), preview, row.createdAt(), text(row.assigneeId()),
                row.handoffSource(), row.resolvedAt(), text(row.teamId()));
    }

    ConversationWire.MessageResponse message(MessageRow row) {
        JsonNode payload = payload(row.payload());
        return new ConversationWire.MessageResponse(row.id().toString(), row.direction(), row.sender(),
                text(row.agentUserId()), row.type(), row.text(), payload, row.status(),
                row.statusDetail(), row.createdAt(), moderation(payload.get("moderation")),
                usage(payload.get("usage")));
    }

    /** payload.usage, written with a bot's LLM answer (worker/…/turn/MessageUsage), typed. */
    private static ConversationWire.MessageUsage usage(JsonNode usage) {
        if (usage == null || !usage.isObject() || usage.get("model") == null) {
            return null;
        }
        JsonNode cost = usage.get("costMicros");
        JsonNode unpriced = usage.get("unpriced");
        boolean noPrice = unpriced != null && unpriced.isBoolean() && unpriced.getBooleanValue();
        return new ConversationWire.MessageUsage(usage.get("model").coerceStringValue(), number(usage, "promptTokens"),
                number(usage, "completionTokens"), number(usage, "latencyMs"),
                noPrice || cost == null || !cost.isNumber() ? null : cost.getLongValue(), noPrice);
    }

    private static long number(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isNumber() ? value.getLongValue() : 0;
    }

    /** payload.moderation, written by the worker's moderation (worker/…/turn/ModerationTurn), typed. */
    private static ConversationWire.ModerationFlag moderation(JsonNode flag) {
        if (flag == null || !flag.isObject()) {
            return null;
        }
        java.util.List<String> categories = new java.util.ArrayList<>();
        JsonNode listed = flag.get("categories");
        if (listed != null && listed.isArray()) {
            listed.values().forEach(category -> categories.add(category.coerceStringValue()));
        }
        JsonNode direction = flag.get("direction");
        JsonNode action = flag.get("action");
        JsonNode unchecked = flag.get("unchecked");
        return new ConversationWire.ModerationFlag(direction == null ? "input" : direction.coerceStringValue(),
                categories, action == null ? null : action.coerceStringValue(),
                unchecked != null && unchecked.isBoolean() && unchecked.getBooleanValue());
    }

    ConversationWire.NoteResponse note(NoteRepository.NoteRow row) {
        return new ConversationWire.NoteResponse(row.id().toString(), row.conversationId().toString(),
                text(row.authorId()), row.text(), row.createdAt());
    }

    private JsonNode payload(String stored) {
        try {
            return json.readValue(stored, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored message payload is unreadable", e);
        }
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
