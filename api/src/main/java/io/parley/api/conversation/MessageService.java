package io.parley.api.conversation;

import io.micronaut.json.JsonMapper;
import io.parley.api.caller.Caller;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.contact.ContactIdentityRow;
import io.parley.core.contact.ContactRepository;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.conversation.MessageRow;
import io.parley.core.events.TenantEvents;
import io.parley.core.message.InboundEvent;
import io.parley.core.message.JobKinds;
import io.parley.core.queue.JobQueue;
import io.parley.core.queue.JobRequest;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A conversation's messages: every member reads them; agents and above reply. A reply leaves through the same
 * {@code outbound.send} job as the bot's replies, serialized on the same key, so it is sent in order with them.
 */
@Singleton
final class MessageService {

    private final TenantScope scope;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ContactRepository contacts;
    private final JobQueue jobs;
    private final TenantEvents events;
    private final TakeoverService takeovers;
    private final ConversationViews views;
    private final JsonMapper json;

    MessageService(TenantScope scope, ConversationRepository conversations, MessageRepository messages,
                   ContactRepository contacts, JobQueue jobs, TenantEvents events, TakeoverService takeovers,
                   ConversationViews views, JsonMapper json) {
        this.scope = scope;
        this.conversations = conversations;
        this.messages = messages;
        this.contacts = contacts;
        this.jobs = jobs;
        this.events = events;
        this.takeovers = takeovers;
        this.views = views;
        this.json = json;
    }

    /**
     * Backward (default): the newest page first, newest message first; {@code nextCursor} leads to older ones.
     * Forward: oldest first, from the start or from a cursor's position.
     */
    PageResponse<ConversationWire.MessageResponse> list(Caller caller, String conversationId, String cursor,
                                                        Integer limit, String direction) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        int size = Cursor.limit(limit);
        Direction way = Direction.parse(direction);
        UUID position = Cursor.after(cursor, way == Direction.FORWARD ? Cursor.OLDEST : Cursor.NEWEST);
        return scope.read(tenant, () -> {
            UUID conversation = Ids.parse(conversationId).flatMap(id -> conversations.find(tenant.value(), id))
                    .map(ConversationRow::id).orElseThrow(ConversationService::notFound);
            List<MessageRow> rows = way == Direction.FORWARD
                    ? messages.pageForward(tenant.value(), conversation, position, size + 1)
                    : messages.latest(tenant.value(), conversation, position, size + 1);
            return PageResponse.of(rows, size, views::message, row -> row.id().toString());
        });
    }

    ConversationWire.MessageResponse send(Caller caller, String conversationId, ConversationWire.SendRequest request) {
        TenantId tenant = caller.requireTenant(Role.AGENT);
        if (request.text() == null || request.text().isBlank()) {
            throw ProblemException.invalidField("text", "must not be blank");
        }
        UUID agent = caller.user() == null ? null : caller.user().value();
        return scope.write(tenant, () -> {
            ConversationRow conversation = ConversationService.lock(conversations, tenant, conversationId);
            String serialKey = InboundEvent.sendKey(conversation.channelId(), // in order with the bot's replies
                    identityOnChannel(tenant, conversation).externalUserId());
            UUID messageId = Ids.next();
            messages.insert(tenant.value(), messageId, conversation.id(), "outbound", "agent", agent, "text",
                    request.text(), "{}", null, "queued");
            conversations.recordOutbound(tenant.value(), conversation.id());
            conversations.recordAnswered(tenant.value(), conversation.id()); // a person answered: not waiting
            jobs.enqueue(tenant, JobRequest.of(JobKinds.OUTBOUND_SEND, sendArgs(conversation.id(), messageId))
                    .unique("out:" + messageId).serial(serialKey));
            if (!Boolean.TRUE.equals(request.keepBotActive())) {
                takeovers.takeOverForReply(tenant, caller, conversation);
            }
            MessageRow stored = messages.find(tenant.value(), messageId).orElseThrow();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("conversationId", conversation.id().toString());
            data.put("messageId", messageId.toString());
            data.put("direction", stored.direction());
            data.put("sender", stored.sender());
            data.put("status", stored.status());
            events.publish(tenant, InboxEvents.MESSAGE_CREATED, data);
            return views.message(stored);
        });
    }

    /**
     * Sends a failed outbound message again (bot's or agent's): back to queued and a new {@code outbound.send} job of
     * that one message, on the conversation's send key. 404 for a message not in the conversation or not outbound;
     * 409 unless it failed.
     */
    ConversationWire.MessageResponse retry(Caller caller, String conversationId, String messageId) {
        TenantId tenant = caller.requireTenant(Role.AGENT);
        return scope.write(tenant, () -> {
            ConversationRow conversation = ConversationService.lock(conversations, tenant, conversationId);
            MessageRow message = Ids.parse(messageId).flatMap(id -> messages.find(tenant.value(), id))
                    .filter(row -> row.conversationId().equals(conversation.id()) && "outbound".equals(row.direction()))
                    .orElseThrow(() -> ProblemException.notFound("Message"));
            if (messages.requeueFailed(tenant.value(), conversation.id(), message.id()) == 0) {
                throw ProblemException.conflict("Only a failed message can be sent again.");
            }
            String serialKey = InboundEvent.sendKey(conversation.channelId(),
                    identityOnChannel(tenant, conversation).externalUserId());
            // no unique key: the first send's "out:<id>" is taken, and the status update above lets one retry through
            jobs.enqueue(tenant, JobRequest.of(JobKinds.OUTBOUND_SEND, sendArgs(conversation.id(), message.id()))
                    .serial(serialKey));
            MessageRow queued = messages.find(tenant.value(), message.id()).orElseThrow();
            events.publish(tenant, InboxEvents.MESSAGE_STATUS, Map.of("conversationId", conversation.id().toString(),
                    "messageId", queued.id().toString(), "status", queued.status()));
            return views.message(queued);
        });
    }

    /** The contact's id on the conversation's channel: the pipeline's serial key is built from it. */
    private ContactIdentityRow identityOnChannel(TenantId tenant, ConversationRow conversation) {
        return contacts.identities(tenant.value(), List.of(conversation.contactId())).stream()
                .filter(identity -> identity.channelId().equals(conversation.channelId()))
                .findFirst()
                .orElseThrow(() -> ProblemException.conflict("The contact is not known on this conversation's "
                        + "channel any more, so a reply cannot be delivered."));
    }

    /** The args of {@link JobKinds#OUTBOUND_SEND}; an agent reply has no reply token and no inbound event. */
    private String sendArgs(UUID conversationId, UUID messageId) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("conversationId", conversationId.toString());
        args.put("messageIds", List.of(messageId.toString()));
        args.put("replyToken", null);
        args.put("inboundAt", null);
        try {
            return json.writeValueAsString(args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    enum Direction {
        FORWARD, BACKWARD;

        static Direction parse(String text) {
            if (text == null || text.isBlank()) {
                return BACKWARD;
            }
            return Arrays.stream(values()).filter(value -> value.name().equalsIgnoreCase(text.trim())).findFirst()
                    .orElseThrow(() -> ProblemException.invalidField("direction", "must be forward or backward"));
        }
    }
}
