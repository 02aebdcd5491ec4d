package io.parley.api.conversation;

import io.parley.api.caller.Caller;
import io.parley.core.analytics.HandoffRepository;
import io.parley.core.audit.AuditLog;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.conversation.InboxRepository;
import io.parley.core.events.TenantEvents;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Human takeover: while {@code bot_paused} is set the pipeline stores the contact's messages but the bot stays
 * silent. Changes are audited (who silenced a bot, and when, matters in review) and published as tenant events.
 * Repeating the current state changes nothing and records nothing.
 */
@Singleton
final class TakeoverService {

    static final String TAKEN_OVER = "conversation.taken_over";
    static final String RELEASED = "conversation.released";

    private final TenantScope scope;
    private final ConversationRepository conversations;
    private final InboxRepository inbox;
    private final AuditLog audit;
    private final TenantEvents events;
    private final ConversationViews views;
    private final HandoffRepository handoffs;

    TakeoverService(TenantScope scope, ConversationRepository conversations, InboxRepository inbox, AuditLog audit,
                    TenantEvents events, ConversationViews views, HandoffRepository handoffs) {
        this.handoffs = handoffs;
        this.scope = scope;
        this.conversations = conversations;
        this.inbox = inbox;
        this.audit = audit;
        this.events = events;
        this.views = views;
    }

    /**
     * Pauses the bot for the caller; taking over from another agent moves the conversation to the caller. A member
     * who takes over is also assigned.
     */
    ConversationWire.ConversationResponse takeOver(Caller caller, String conversationId) {
        TenantId tenant = caller.requireTenant(Role.AGENT);
        return scope.write(tenant, () -> {
            ConversationRow row = ConversationService.lock(conversations, tenant, conversationId);
            if (!row.botPaused() || !Objects.equals(row.takenOverBy(), agentOf(caller))) {
                pause(tenant, caller, row, "takeover");
            }
            return views.conversation(inbox.find(tenant.value(), row.id()).orElseThrow());
        });
    }

    ConversationWire.ConversationResponse release(Caller caller, String conversationId) {
        TenantId tenant = caller.requireTenant(Role.AGENT);
        return scope.write(tenant, () -> {
            ConversationRow row = ConversationService.lock(conversations, tenant, conversationId);
            if (row.botPaused()) {
                conversations.setBotPaused(tenant.value(), row.id(), false, null);
                conversations.recordRelease(tenant.value(), row.id());
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("previouslyTakenOverBy", row.takenOverBy() == null ? null : row.takenOverBy().toString());
                audit.record(tenant, caller.actor(), RELEASED, "conversation", row.id().toString(), details);
                events.publish(tenant, InboxEvents.RELEASED, Map.of("conversationId", row.id().toString()));
            }
            return views.conversation(inbox.find(tenant.value(), row.id()).orElseThrow());
        });
    }

    /**
     * An agent's reply takes a conversation over when the bot is still active (so the bot does not talk over the
     * agent); one another agent holds stays theirs. Call inside the reply's transaction with the row locked.
     */
    void takeOverForReply(TenantId tenant, Caller caller, ConversationRow row) {
        if (!row.botPaused()) {
            pause(tenant, caller, row, "reply");
        }
    }

    private void pause(TenantId tenant, Caller caller, ConversationRow row, String via) {
        UUID agent = agentOf(caller);
        conversations.setBotPaused(tenant.value(), row.id(), true, agent);
        conversations.recordHandoff(tenant.value(), row.id(), agent == null ? "api" : "agent", false);
        if (agent != null && !agent.equals(row.assigneeId())) {
            conversations.assign(tenant.value(), row.id(), agent); // who took it over answers it
        }
        if (!row.botPaused()) { // a hand-off from the bot, not one agent taking over from another (analytics)
            handoffs.insert(tenant.value(), Ids.next(), row.id(), HandoffRepository.TAKEOVER);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("via", via);
        if (row.botPaused()) {
            details.put("previouslyTakenOverBy", row.takenOverBy() == null ? null : row.takenOverBy().toString());
        }
        audit.record(tenant, caller.actor(), TAKEN_OVER, "conversation", row.id().toString(), details);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversationId", row.id().toString());
        data.put("takenOverBy", agent == null ? null : agent.toString());
        events.publish(tenant, InboxEvents.TAKEOVER, data);
    }

    /** The user behind the call; API keys take over as nobody in particular. */
    private static UUID agentOf(Caller caller) {
        return caller.user() == null ? null : caller.user().value();
    }
}
