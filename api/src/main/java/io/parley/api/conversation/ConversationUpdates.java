package io.parley.api.conversation;

import io.parley.api.caller.Caller;
import io.parley.api.member.AnsweringMembers;
import io.parley.core.audit.AuditLog;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.conversation.InboxRepository;
import io.parley.core.events.TenantEvents;
import io.parley.core.team.TeamRepository;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.json.MergePatch;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A team's work on a conversation: its status (resolve, reopen, mark waiting) and who answers it, and the "needs a
 * person" counts. Agents and above change; every member reads. Changes are audited and published as
 * {@value InboxEvents#UPDATED}.
 */
@Singleton
final class ConversationUpdates {

    static final String STATUS_CHANGED = "conversation.status_changed";
    static final String ASSIGNED = "conversation.assigned";
    static final String TEAM_ASSIGNED = "conversation.team_assigned";

    private final TenantScope scope;
    private final ConversationRepository conversations;
    private final InboxRepository inbox;
    private final AnsweringMembers members;
    private final TeamRepository teams;
    private final AuditLog audit;
    private final TenantEvents events;
    private final ConversationViews views;

    ConversationUpdates(TenantScope scope, ConversationRepository conversations, InboxRepository inbox,
                        AnsweringMembers members, TeamRepository teams, AuditLog audit, TenantEvents events,
                        ConversationViews views) {
        this.scope = scope;
        this.conversations = conversations;
        this.inbox = inbox;
        this.members = members;
        this.teams = teams;
        this.audit = audit;
        this.events = events;
        this.views = views;
    }

    ConversationWire.ConversationResponse update(Caller caller, String conversationId,
                                                 ConversationWire.ConversationPatch patch, MergePatch present) {
        TenantId tenant = caller.requireTenant(Role.AGENT);
        if (present.removes("status")) {
            throw ProblemException.invalidField("status", io.parley.http.problem.ProblemMessages.CANNOT_REMOVE);
        }
        if (patch.status() != null && !ConversationService.STATUSES.contains(patch.status())) {
            throw ProblemException.invalidField("status", ConversationService.STATUS_MESSAGE);
        }
        UUID assignee = patch.assigneeId() == null ? null : ConversationService.filterId("assigneeId",
                patch.assigneeId());
        UUID team = patch.teamId() == null ? null : ConversationService.filterId("teamId", patch.teamId());
        return scope.write(tenant, () -> {
            ConversationRow row = ConversationService.lock(conversations, tenant, conversationId);
            boolean changed = false;
            if (patch.status() != null && !patch.status().equals(row.status())) {
                conversations.setStatus(tenant.value(), row.id(), patch.status());
                audit.record(tenant, caller.actor(), STATUS_CHANGED, "conversation", row.id().toString(),
                        Map.of("from", row.status(), "to", patch.status()));
                changed = true;
            }
            boolean newTeam = present.has("teamId") && !Objects.equals(team, row.teamId());
            UUID teamAfter = newTeam ? team : row.teamId();
            boolean newAssignee = present.has("assigneeId") && !Objects.equals(assignee, row.assigneeId());
            UUID assigneeAfter = present.has("assigneeId") ? assignee : row.assigneeId();
            if (newAssignee && assignee != null) {
                members.require(tenant, assignee, "assigneeId");
            }
            if (newTeam && team != null && teams.find(tenant.value(), team).isEmpty()) {
                throw ProblemException.invalidField("teamId", "is not a team of this workspace");
            }
            if (teamAfter != null && assigneeAfter != null
                    && !teams.hasMember(tenant.value(), teamAfter, assigneeAfter)) {
                if (present.has("assigneeId")) {
                    throw ProblemException.invalidField("assigneeId", "is not a member of the team");
                }
                assigneeAfter = null; // handed to a team its assignee is not in: the team picks who answers
                newAssignee = true;
            }
            if (newTeam) {
                conversations.assignTeam(tenant.value(), row.id(), team);
                audit.record(tenant, caller.actor(), TEAM_ASSIGNED, "conversation", row.id().toString(),
                        change("teamId", team, row.teamId()));
                changed = true;
            }
            if (newAssignee) {
                conversations.assign(tenant.value(), row.id(), assigneeAfter);
                audit.record(tenant, caller.actor(), ASSIGNED, "conversation", row.id().toString(),
                        change("assigneeId", assigneeAfter, row.assigneeId()));
                changed = true;
            }
            var now = inbox.find(tenant.value(), row.id()).orElseThrow();
            if (changed) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("conversationId", row.id().toString());
                data.put("status", now.status());
                data.put("assigneeId", now.assigneeId() == null ? null : now.assigneeId().toString());
                data.put("teamId", now.teamId() == null ? null : now.teamId().toString());
                events.publish(tenant, InboxEvents.UPDATED, data);
            }
            return views.conversation(now);
        });
    }

    ConversationWire.CountsResponse counts(Caller caller) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> new ConversationWire.CountsResponse(
                conversations.countWaiting(tenant.value()),
                caller.user() == null ? 0 : conversations.countWaitingFor(tenant.value(), caller.user().value()),
                conversations.countWaitingUnassigned(tenant.value()),
                caller.user() == null ? 0 : conversations.countWaitingForTeamsOf(tenant.value(), caller.user().value())));
    }

    /** Audit details of an assignment: {@code field} and {@code previousField} (capitalized), each an id or null. */
    private static Map<String, Object> change(String field, UUID now, UUID before) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(field, now == null ? null : now.toString());
        details.put("previous" + Character.toUpperCase(field.charAt(0)) + field.substring(1),
                before == null ? null : before.toString());
        return details;
    }
}
