package io.parley.core.audit;

import io.micronaut.json.JsonMapper;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Appends to and reads a tenant's audit log. Call {@link #record} inside the same tenant transaction as the change
 * it describes, so an entry exists exactly when the change does. Details must never contain secrets.
 */
@Singleton
public final class AuditLog {

    private final AuditRepository repository;
    private final JsonMapper json;

    AuditLog(AuditRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    public void record(TenantId tenant, Actor actor, String action, String targetType, String targetId,
                       Map<String, ?> details) {
        String detailsJson;
        try {
            detailsJson = json.writeValueAsString(details == null ? Map.of() : details);
        } catch (IOException e) {
            throw new UncheckedIOException("Audit details are not serializable", e);
        }
        repository.insert(tenant.value(), Ids.next(), actor.type().name().toLowerCase(Locale.ROOT), actor.id(),
                actor.label(), action, targetType, targetId, detailsJson, actor.ip());
    }

    /** Newest first; {@code beforeId} is the last id of the previous page (or null for the first page). */
    public List<AuditEntryRow> page(TenantId tenant, UUID beforeId, int limit) {
        return page(tenant, beforeId, Filter.NONE, limit);
    }

    /** As above, narrowed by {@code filter}. */
    public List<AuditEntryRow> page(TenantId tenant, UUID beforeId, Filter filter, int limit) {
        return repository.page(tenant.value(), beforeId == null ? Cursor.MAX : beforeId, filter.actorId(),
                filter.action(), filter.since(), filter.until(), limit);
    }

    /**
     * Which entries: by one actor; by action, exactly ({@code conversation.taken_over}) or by a prefix ending in a
     * dot ({@code conversation.}); created at or after {@code since} and before {@code until}. Nulls match all.
     */
    public record Filter(@io.micronaut.core.annotation.Nullable UUID actorId,
                         @io.micronaut.core.annotation.Nullable String action,
                         @io.micronaut.core.annotation.Nullable java.time.Instant since,
                         @io.micronaut.core.annotation.Nullable java.time.Instant until) {
        public static final Filter NONE = new Filter(null, null, null, null);
    }

    private static final class Cursor {
        static final UUID MAX = new UUID(-1L, -1L);
    }
}
