package io.parley.core.memory;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The memory fields a contact may be shown (declared with {@code visibleToContact: true}) with the contact's current
 * values, for the setup page. A per-contact field shows the contact's value; a per-conversation field the value
 * most recently stored in any of the contact's conversations with the bot; either falls back to the default, else
 * has no value. Fields not marked visible are never read into the result. Callers are inside the tenant's scope.
 */
@Singleton
public final class ContactVisibleMemory {

    private final MemorySchemas schemas;
    private final MemoryValueRepository values;
    private final MemoryStore store;

    ContactVisibleMemory(MemorySchemas schemas, MemoryValueRepository values, MemoryStore store) {
        this.schemas = schemas;
        this.values = values;
        this.store = store;
    }

    /** One field as the contact sees it: its name, the bot's description of it, and its value (null: none). */
    public record Shown(String name, @Nullable String description, @Nullable Object value) {
    }

    /** The bot's visible fields in their declared order with the contact's values. */
    public List<Shown> of(UUID tenantId, UUID botId, UUID contactId) {
        List<MemoryField> visible = schemas.find(tenantId, botId).fields().stream()
                .filter(field -> Boolean.TRUE.equals(field.visibleToContact())).toList();
        if (visible.isEmpty()) {
            return List.of();
        }
        List<MemoryValueRow> rows = values.ofContact(tenantId, contactId).stream()
                .filter(row -> row.botId().equals(botId)).toList();
        List<Shown> shown = new ArrayList<>();
        for (MemoryField field : visible) {
            Object value = rows.stream()
                    .filter(row -> row.field().equals(field.name()))
                    .filter(row -> field.perConversation() == (row.conversationId() != null))
                    .max(Comparator.comparing(MemoryValueRow::updatedAt))
                    .map(row -> store.parse(row.value()))
                    .orElseGet(() -> field.defaultValue() == null ? null
                            : MemoryBounds.exact(field, field.defaultValue()).orElse(null));
            shown.add(new Shown(field.name(), field.description(), value));
        }
        return List.copyOf(shown);
    }
}
