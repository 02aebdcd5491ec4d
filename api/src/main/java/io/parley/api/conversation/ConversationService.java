package io.parley.api.conversation;

import io.parley.api.caller.Caller;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.conversation.InboxRepository;
import io.parley.core.conversation.InboxRow;
import io.parley.core.events.TenantEvents;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The inbox: every member reads conversations; agents and above mark them read. Conversations themselves are
 * created by the message pipeline.
 */
@Singleton
final class ConversationService {

    static final Set<String> STATUSES = Set.of("open", "waiting", "resolved");
    static final String STATUS_MESSAGE = "must be open, waiting or resolved";
    /** Longest search text. */
    static final int MAX_QUERY = 200;
    /** A contact tier's shape, as contacts store it (api contact ContactService). */
    private static final java.util.regex.Pattern TIER = java.util.regex.Pattern.compile("[a-z0-9_-]{1,40}");

    private final TenantScope scope;
    private final InboxRepository inbox;
    private final ConversationRepository conversations;
    private final TenantEvents events;
    private final ConversationViews views;

    ConversationService(TenantScope scope, InboxRepository inbox, ConversationRepository conversations,
                        TenantEvents events, ConversationViews views) {
        this.scope = scope;
        this.inbox = inbox;
        this.conversations = conversations;
        this.events = events;
        this.views = views;
    }

    PageResponse<ConversationWire.ConversationResponse> list(Caller caller, InboxFilter filter, String cursor,
                                                             Integer limit) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        int size = Cursor.limit(limit);
        InboxCursor position = InboxCursor.parse(cursor);
        UUID botId = filterId("botId", filter.botId());
        UUID channelId = filterId("channelId", filter.channelId());
        UUID contactId = filterId("contactId", filter.contactId());
        // "closed" was the only other status before V175: still understood as resolved
        String status = "closed".equals(filter.status()) ? "resolved" : filter.status();
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalidField("status", STATUS_MESSAGE);
        }
        String assignee = filter.assignee();
        boolean unassigned = "none".equals(assignee);
        UUID assigneeId = assignee == null || unassigned ? null : "me".equals(assignee)
                ? (caller.user() == null ? Ids.next() : caller.user().value()) // an API key is nobody's "me"
                : filterId("assignee", assignee);
        String team = filter.team();
        UUID teamId = team == null || "mine".equals(team) ? null : filterId("team", team);
        UUID teamMemberId = !"mine".equals(team) ? null
                : caller.user() == null ? Ids.next() : caller.user().value(); // an API key is in no team
        String query = filter.q() == null || filter.q().isBlank() ? null : filter.q().strip();
        if (query != null && query.length() > MAX_QUERY) {
            throw ProblemException.invalidField("q", "must be at most 200 characters");
        }
        String tier = filter.tier() == null || filter.tier().isBlank() ? null : filter.tier().strip();
        if (tier != null && !TIER.matcher(tier).matches()) {
            throw ProblemException.invalidField("tier", "must be 1-40 of a-z, 0-9, _ or -");
        }
        return scope.read(tenant, () -> {
            List<InboxRow> rows = inbox.page(tenant.value(), position.activityAt(), position.id(), botId, channelId,
                    contactId, status, filter.unread(), filter.takenOver(), assigneeId, unassigned, teamId, teamMemberId,
                    query, tier, size + 1);
            boolean more = rows.size() > size;
            List<InboxRow> page = more ? rows.subList(0, size) : rows;
            return new PageResponse<>(page.stream().map(views::conversation).toList(),
                    more ? InboxCursor.after(page.getLast()).encode() : null);
        });
    }

    ConversationWire.ConversationResponse get(Caller caller, String conversationId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> Ids.parse(conversationId).flatMap(id -> inbox.find(tenant.value(), id))
                .map(views::conversation).orElseThrow(ConversationService::notFound));
    }

    /** Unread count to 0 for everyone (the count is the conversation's, not per agent). */
    ConversationWire.ConversationResponse markRead(Caller caller, String conversationId) {
        TenantId tenant = caller.requireTenant(Role.AGENT);
        return scope.write(tenant, () -> {
            ConversationRow row = lock(conversations, tenant, conversationId);
            if (row.unreadCount() > 0) {
                conversations.markRead(tenant.value(), row.id());
                events.publish(tenant, InboxEvents.READ, Map.of("conversationId", row.id().toString()));
            }
            return views.conversation(inbox.find(tenant.value(), row.id()).orElseThrow());
        });
    }

    /** The conversation, locked for the rest of the transaction; 404 when it is not the tenant's. */
    static ConversationRow lock(ConversationRepository conversations, TenantId tenant, String conversationId) {
        return Ids.parse(conversationId).flatMap(id -> conversations.lock(tenant.value(), id))
                .orElseThrow(ConversationService::notFound);
    }

    static ProblemException notFound() {
        return ProblemException.notFound("Conversation");
    }

    static UUID filterId(String field, String value) {
        return value == null ? null : Ids.parse(value)
                .orElseThrow(() -> ProblemException.invalidField(field, "is not an id"));
    }

    /**
     * The list filters; null = any. {@code unread}: true = unread only, false = read only. {@code takenOver}: true =
     * held by a person (bot paused), false = the bot answers — the inbox's "taken over" view. {@code assignee}:
     * me, none or a member's id. {@code team}: mine (the teams I belong to) or a team's id. {@code q}: text in the
     * contact's name or any message.
     */
    record InboxFilter(String botId, String channelId, String contactId, String status, Boolean unread,
                       Boolean takenOver, String assignee, String team, String q, String tier) {
    }
}
