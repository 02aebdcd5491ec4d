package io.parley.core.memory;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/** Reads and writes a bot's memory fields ({@code bot_memory_fields}), in the caller's transaction. */
@Singleton
public final class MemorySchemas {

    private static final Argument<List<MemoryField>> FIELDS = Argument.listOf(MemoryField.class);

    private final MemoryFieldsRepository rows;
    private final JsonMapper json;

    MemorySchemas(MemoryFieldsRepository rows, JsonMapper json) {
        this.rows = rows;
        this.json = json;
    }

    /** The bot's fields; {@link MemoryFields#NONE} when it declares none. */
    public MemoryFields find(UUID tenantId, UUID botId) {
        return rows.find(tenantId, botId).map(this::read).orElse(MemoryFields.NONE);
    }

    /** The fields of every bot the contact talks with that declares some, by bot id (in bot id order). */
    public java.util.Map<UUID, MemoryFields> forContact(UUID tenantId, UUID contactId) {
        java.util.Map<UUID, MemoryFields> found = new java.util.LinkedHashMap<>();
        rows.forContact(tenantId, contactId).forEach(row -> found.put(row.botId(), read(row)));
        return found;
    }

    /** Stores fields {@link MemoryRules} accepted. */
    public void save(UUID tenantId, UUID botId, MemoryFields fields) {
        try {
            rows.save(tenantId, botId, json.writeValueAsString(fields.fields()), fields.updateMode().wireName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MemoryFields read(MemoryFieldsRow row) {
        try {
            List<MemoryField> fields = json.readValue(row.fields(), FIELDS);
            return new MemoryFields(fields == null ? List.of() : fields,
                    MemoryFields.UpdateMode.parse(row.updateMode()).orElse(MemoryFields.UpdateMode.TOOLS));
        } catch (IOException e) {
            throw new UncheckedIOException("stored memory fields are unreadable", e);
        }
    }
}
