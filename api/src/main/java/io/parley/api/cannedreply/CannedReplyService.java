package io.parley.api.cannedreply;

import io.parley.api.caller.Caller;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.audit.AuditLog;
import io.parley.core.cannedreply.CannedReplyRepository;
import io.parley.core.cannedreply.CannedReplyRepository.CannedReplyRow;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.json.MergePatch;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemMessages;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Canned replies: every member reads them; agents and above (who answer conversations) keep them. */
@Singleton
final class CannedReplyService {

    private static final Pattern SHORTCUT = Pattern.compile(CannedReplyWire.SHORTCUT);

    private final TenantScope scope;
    private final CannedReplyRepository replies;
    private final AuditLog audit;

    CannedReplyService(TenantScope scope, CannedReplyRepository replies, AuditLog audit) {
        this.scope = scope;
        this.replies = replies;
        this.audit = audit;
    }

    /** By shortcut; the cursor points after the last shortcut of the page before. */
    PageResponse<CannedReplyWire.CannedReplyResponse> list(Caller caller, String cursor, Integer limit) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        int size = Cursor.limit(limit);
        String after = Cursor.afterText(cursor, "");
        return scope.read(tenant, () -> PageResponse.of(replies.page(tenant.value(), after, size + 1), size,
                CannedReplyService::response, CannedReplyRow::shortcut));
    }

    CannedReplyWire.CannedReplyResponse get(Caller caller, String id) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> response(find(tenant, id)));
    }

    CannedReplyWire.CannedReplyResponse create(Caller caller, CannedReplyWire.CannedReplyCreate request) {
        TenantId tenant = caller.requireTenant(Role.AGENT);
        String shortcut = shortcut(request.shortcut());
        String text = text(request.text());
        return scope.write(tenant, () -> {
            UUID id = Ids.next();
            if (replies.insert(tenant.value(), id, shortcut, text) == 0) {
                throw taken(shortcut);
            }
            audit.record(tenant, caller.actor(), "canned_reply.created", "canned_reply", id.toString(),
                    Map.of("shortcut", shortcut));
            return response(replies.find(tenant.value(), id).orElseThrow());
        });
    }

    CannedReplyWire.CannedReplyResponse update(Caller caller, String id, CannedReplyWire.CannedReplyPatch patch,
                                               MergePatch present) {
        TenantId tenant = caller.requireTenant(Role.AGENT);
        for (String field : new String[] {"shortcut", "text"}) {
            if (present.removes(field)) {
                throw ProblemException.invalidField(field, ProblemMessages.CANNOT_REMOVE);
            }
        }
        String shortcut = patch.shortcut() == null ? null : shortcut(patch.shortcut());
        String text = patch.text() == null ? null : text(patch.text());
        return scope.write(tenant, () -> {
            CannedReplyRow row = Ids.parse(id).flatMap(value -> replies.lock(tenant.value(), value))
                    .orElseThrow(CannedReplyService::notFound);
            String newShortcut = shortcut == null ? row.shortcut() : shortcut;
            if (!newShortcut.equals(row.shortcut())
                    && replies.findByShortcut(tenant.value(), newShortcut).isPresent()) {
                throw taken(newShortcut);
            }
            replies.update(tenant.value(), row.id(), newShortcut, text == null ? row.text() : text);
            audit.record(tenant, caller.actor(), "canned_reply.updated", "canned_reply", row.id().toString(),
                    Map.of("shortcut", newShortcut));
            return response(replies.find(tenant.value(), row.id()).orElseThrow());
        });
    }

    void delete(Caller caller, String id) {
        TenantId tenant = caller.requireTenant(Role.AGENT);
        scope.writeVoid(tenant, () -> {
            CannedReplyRow row = find(tenant, id);
            replies.delete(tenant.value(), row.id());
            audit.record(tenant, caller.actor(), "canned_reply.deleted", "canned_reply", row.id().toString(),
                    Map.of("shortcut", row.shortcut()));
        });
    }

    private CannedReplyRow find(TenantId tenant, String id) {
        return Ids.parse(id).flatMap(value -> replies.find(tenant.value(), value))
                .orElseThrow(CannedReplyService::notFound);
    }

    private static String shortcut(String value) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.startsWith("/")) {
            stripped = stripped.substring(1); // typed as the agent types it
        }
        if (!SHORTCUT.matcher(stripped).matches()) {
            throw ProblemException.invalidField("shortcut", CannedReplyWire.SHORTCUT_RULE);
        }
        return stripped;
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField("text", "must not be blank");
        }
        return value;
    }

    private static ProblemException taken(String shortcut) {
        return ProblemException.conflict("A canned reply with the shortcut /" + shortcut + " exists already.");
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Canned reply");
    }

    private static CannedReplyWire.CannedReplyResponse response(CannedReplyRow row) {
        return new CannedReplyWire.CannedReplyResponse(row.id().toString(), row.shortcut(), row.text(),
                row.createdAt(), row.updatedAt());
    }
}
