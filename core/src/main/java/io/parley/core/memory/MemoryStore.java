package io.parley.core.memory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.parley.core.tenancy.Ids;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Memory values of one contact (and conversation) for one bot, in the caller's transaction: read with the
 * defaults filled in, and changed with a history row per change. A change made by a turn ({@code turnId}) is
 * recorded once: a turn that runs again finds its history row and changes nothing.
 */
@Singleton
public final class MemoryStore {

    private final MemoryValueRepository values;
    private final MemoryHistoryRepository history;
    private final JsonMapper json;

    MemoryStore(MemoryValueRepository values, MemoryHistoryRepository history, JsonMapper json) {
        this.values = values;
        this.history = history;
        this.json = json;
    }

    /** Every declared field's value (the stored one, else the default; a field with neither is left out). */
    public Map<String, Object> read(UUID tenantId, UUID botId, MemoryFields fields, UUID contactId,
                                    @Nullable UUID conversationId) {
        if (fields.isEmpty()) {
            return Map.of();
        }
        return withDefaults(fields, stored(values.forTurn(tenantId, botId, contactId, conversationId), fields,
                conversationId));
    }

    /**
     * Applies the LLM's (or a flow's) proposals, each bounded by {@link MemoryBounds#moved} from the current value;
     * unknown fields and values of the wrong type are skipped. Returns what changed.
     */
    public List<MemoryChange> propose(UUID tenantId, UUID botId, MemoryFields fields, UUID contactId,
                                      UUID conversationId, Map<String, Object> proposals, MemoryChange.Source source,
                                      @Nullable UUID turnId) {
        if (fields.isEmpty() || proposals.isEmpty()) {
            return List.of();
        }
        Map<String, Object> current = withDefaults(fields, stored(values.lockForTurn(tenantId, botId, contactId,
                conversationId), fields, conversationId));
        List<MemoryChange> changes = new ArrayList<>();
        proposals.forEach((name, proposed) -> fields.field(name).ifPresent(field -> {
            Object before = current.get(name);
            MemoryBounds.moved(field, before, proposed).filter(after -> !Objects.equals(after, before))
                    .ifPresent(after -> {
                        UUID conversation = field.perConversation() ? conversationId : null;
                        if (record(tenantId, botId, field, contactId, conversation, before, after, source, null,
                                turnId)) {
                            changes.add(new MemoryChange(name, conversation, before, after));
                        }
                    });
        }));
        return changes;
    }

    /**
     * Sets (or with a null value clears, back to the default) one value exactly as given by a person or the API;
     * the caller checked it with {@link MemoryBounds#exact}. Empty when it was already so.
     */
    public Optional<MemoryChange> set(UUID tenantId, UUID botId, MemoryField field, UUID contactId,
                                      @Nullable UUID conversationId, @Nullable Object value, MemoryChange.Source source,
                                      @Nullable UUID actorId) {
        UUID conversation = field.perConversation() ? conversationId : null;
        Object before = values.lockForTurn(tenantId, botId, contactId, conversation).stream()
                .filter(row -> row.field().equals(field.name()) && Objects.equals(row.conversationId(), conversation))
                .findFirst().map(row -> parse(row.value())).orElse(null);
        if (Objects.equals(before, value)) {
            return Optional.empty();
        }
        record(tenantId, botId, field, contactId, conversation, before, value, source, actorId, null);
        return Optional.of(new MemoryChange(field.name(), conversation, before, value));
    }

    private boolean record(UUID tenantId, UUID botId, MemoryField field, UUID contactId, @Nullable UUID conversation,
                           @Nullable Object before, @Nullable Object after, MemoryChange.Source source,
                           @Nullable UUID actorId, @Nullable UUID turnId) {
        if (history.insert(tenantId, Ids.next(), botId, field.name(), contactId, conversation, write(before),
                write(after), source.wireName(), actorId, turnId) == 0) {
            return false; // this turn changed it already
        }
        if (after == null) {
            values.remove(tenantId, botId, field.name(), contactId, conversation);
        } else {
            values.put(tenantId, botId, field.name(), contactId, conversation, write(after));
        }
        return true;
    }

    /** Stored values of declared fields, each from its own scope (a contact's value of a per-conversation field is not). */
    private Map<String, Object> stored(List<MemoryValueRow> rows, MemoryFields fields,
                                       @Nullable UUID conversationId) {
        Map<String, Object> found = new HashMap<>();
        for (MemoryValueRow row : rows) {
            fields.field(row.field()).ifPresent(field -> {
                UUID expected = field.perConversation() ? conversationId : null;
                if (Objects.equals(row.conversationId(), expected)) {
                    found.put(row.field(), parse(row.value()));
                }
            });
        }
        return found;
    }

    private static Map<String, Object> withDefaults(MemoryFields fields, Map<String, Object> stored) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (MemoryField field : fields.fields()) {
            Object value = stored.containsKey(field.name()) ? stored.get(field.name())
                    : field.defaultValue() == null ? null : MemoryBounds.exact(field, field.defaultValue()).orElse(null);
            if (value != null) {
                all.put(field.name(), value);
            }
        }
        return all;
    }

    /** A stored JSON value as Java: numbers as long or BigDecimal (as {@link MemoryBounds} makes them). */
    public Object parse(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            Object value = json.readValue(text, Object.class);
            if (value instanceof Number number && !(value instanceof Long)) {
                return MemoryBounds.normalize(new java.math.BigDecimal(number.toString()));
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nullable
    public String write(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
