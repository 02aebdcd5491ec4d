package io.parley.api.conversation;

import io.parley.api.caller.Caller;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.conversation.NoteRepository;
import io.parley.core.events.TenantEvents;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.UUID;

/**
 * Private notes in a conversation: every member reads them, agents and above write them. They are never sent and
 * never reach the bot: they are stored apart from messages ({@link NoteRepository}).
 */
@Singleton
final class NoteService {

    private final TenantScope scope;
    private final ConversationRepository conversations;
    private final NoteRepository notes;
    private final TenantEvents events;
    private final ConversationViews views;

    NoteService(TenantScope scope, ConversationRepository conversations, NoteRepository notes, TenantEvents events,
                ConversationViews views) {
        this.scope = scope;
        this.conversations = conversations;
        this.notes = notes;
        this.events = events;
        this.views = views;
    }

    /** Oldest first, from the start or after a cursor. */
    PageResponse<ConversationWire.NoteResponse> list(Caller caller, String conversationId, String cursor,
                                                     Integer limit) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        int size = Cursor.limit(limit);
        UUID after = Cursor.after(cursor, Cursor.OLDEST);
        return scope.read(tenant, () -> {
            UUID conversation = Ids.parse(conversationId).flatMap(id -> conversations.find(tenant.value(), id))
                    .map(ConversationRow::id).orElseThrow(ConversationService::notFound);
            return PageResponse.of(notes.page(tenant.value(), conversation, after, size + 1), size, views::note,
                    row -> row.id().toString());
        });
    }

    ConversationWire.NoteResponse create(Caller caller, String conversationId, ConversationWire.NoteRequest request) {
        TenantId tenant = caller.requireTenant(Role.AGENT);
        if (request.text() == null || request.text().isBlank()) {
            throw ProblemException.invalidField("text", "must not be blank");
        }
        UUID author = caller.user() == null ? null : caller.user().value();
        return scope.write(tenant, () -> {
            ConversationRow conversation = Ids.parse(conversationId)
                    .flatMap(id -> conversations.find(tenant.value(), id)).orElseThrow(ConversationService::notFound);
            UUID id = Ids.next();
            notes.insert(tenant.value(), id, conversation.id(), author, request.text());
            events.publish(tenant, InboxEvents.NOTE_CREATED, Map.of("conversationId", conversation.id().toString(),
                    "noteId", id.toString()));
            return views.note(notes.find(tenant.value(), id).orElseThrow());
        });
    }
}
