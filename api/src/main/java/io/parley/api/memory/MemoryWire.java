package io.parley.api.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.memory.MemoryField;
import io.parley.core.memory.MemoryFields;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Request and response bodies of a bot's memory fields and a contact's memory. */
final class MemoryWire {

    private MemoryWire() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MemoryField", description = "A typed value the LLM keeps and updates (docs/flows.md#memory). "
            + "By type: number uses min, max and step; enum its values; text its maxLength; boolean nothing more.")
    record Field(
            @NotNull @Schema(requiredMode = REQUIRED, description = "Used as {{memory.<name>}} and memory.<name>",
                    example = "favorability") String name,
            @NotNull @Schema(requiredMode = REQUIRED, allowableValues = {"number", "enum", "text", "boolean"})
            String type,
            @Nullable @Schema(description = "One value per contact (default) or per conversation",
                    allowableValues = {"contact", "conversation"}) String scope,
            @Nullable @Schema(description = "What the model reads about the field", example = "How much you like "
                    + "the user; raise it when they are kind, lower it when they are rude") String description,
            @Nullable @Schema(description = "The value before any is set",
                    types = {"string", "number", "boolean"}) Object defaultValue,
            @Nullable @Schema(description = "Whether the contact may be shown the value (default false)")
            Boolean visibleToContact,
            @Nullable @Schema(description = "number: the lowest value", example = "0") BigDecimal min,
            @Nullable @Schema(description = "number: the highest value", example = "100") BigDecimal max,
            @Nullable @Schema(description = "number: the most the LLM may move it in one turn", example = "5")
            BigDecimal step,
            @Nullable @Schema(description = "enum: the allowed values (1-50)") List<String> values,
            @Nullable @Schema(description = "text: longer texts from the LLM are cut (1-1000, default 200)")
            Integer maxLength) {

        MemoryField core() {
            return new MemoryField(name, type, scope, description, defaultValue, visibleToContact, min, max, step,
                    values, maxLength);
        }

        static Field of(MemoryField f) {
            return new Field(f.name(), f.type(), f.scopeKind().wireName(), f.description(), f.defaultValue(),
                    f.visible(), f.min(), f.max(), f.step(), f.values(), f.maxLength());
        }
    }

    @Serdeable
    @Schema(name = "MemoryFieldsRequest")
    record FieldsRequest(
            @NotNull @Schema(requiredMode = REQUIRED, description = "The bot's fields, replacing the ones it had "
                    + "(at most 20)") List<Field> fields,
            @Nullable @Schema(description = "How the model updates them: OpenAI-compatible tools (default), or a "
                    + "```memory JSON block it appends, for providers without tools",
                    allowableValues = {"tools", "json_block"}) String updateMode) {
    }

    @Serdeable
    @Schema(name = "MemoryFieldsResponse")
    record FieldsResponse(@Schema(requiredMode = REQUIRED) String botId,
                          @Schema(requiredMode = REQUIRED) List<Field> fields,
                          @Schema(requiredMode = REQUIRED, allowableValues = {"tools", "json_block"})
                          String updateMode) {

        static FieldsResponse of(String botId, MemoryFields fields) {
            return new FieldsResponse(botId, fields.fields().stream().map(Field::of).toList(),
                    fields.updateMode().wireName());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MemoryValue")
    record Value(@Schema(requiredMode = REQUIRED) String botId,
                 @Schema(requiredMode = REQUIRED) String field,
                 @Nullable @Schema(description = "For a per-conversation field: its conversation") String conversationId,
                 @Schema(requiredMode = REQUIRED, types = {"string", "number", "boolean"}) Object value,
                 @Schema(requiredMode = REQUIRED) Instant updatedAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MemoryChange")
    record Change(@Schema(requiredMode = REQUIRED) String id,
                  @Schema(requiredMode = REQUIRED) String botId,
                  @Schema(requiredMode = REQUIRED) String field,
                  @Nullable String conversationId,
                  @Nullable @Schema(description = "null: there was no value (the default applied)",
                          types = {"string", "number", "boolean"}) Object oldValue,
                  @Nullable @Schema(description = "null: cleared, the default applies",
                          types = {"string", "number", "boolean"}) Object newValue,
                  @Schema(requiredMode = REQUIRED, allowableValues = {"llm", "agent", "flow", "api"}) String source,
                  @Nullable @Schema(description = "The member or API key that made it") String actorId,
                  @Nullable @Schema(description = "The LLM turn (its inbound message id)") String turnId,
                  @Schema(requiredMode = REQUIRED) Instant changedAt) {
    }

    @Serdeable
    @Schema(name = "BotMemory", description = "A bot's memory fields with the contact's values")
    record BotMemory(@Schema(requiredMode = REQUIRED) String botId,
                     @Schema(requiredMode = REQUIRED) String botName,
                     @Schema(requiredMode = REQUIRED) List<Field> fields,
                     @Schema(requiredMode = REQUIRED, description = "Stored values; a field without one has its "
                             + "default") List<Value> values) {
    }

    @Serdeable
    @Schema(name = "ContactMemory")
    record ContactMemory(@Schema(requiredMode = REQUIRED, description = "Every bot the contact has talked with that "
                                 + "declares memory fields") List<BotMemory> bots,
                         @Schema(requiredMode = REQUIRED, description = "The last 100 changes, newest first")
                         List<Change> history) {
    }

    @Serdeable
    @Schema(name = "MemoryFieldStat", description = "How many of the bot's contacts have a value of one field")
    record FieldStat(@Schema(requiredMode = REQUIRED, example = "favorability") String name,
                     @Schema(requiredMode = REQUIRED, allowableValues = {"number", "enum", "text", "boolean"})
                     String type,
                     @Schema(requiredMode = REQUIRED, allowableValues = {"contact", "conversation"}) String scope,
                     @Schema(requiredMode = REQUIRED, description = "Distinct contacts with a stored value (for a "
                             + "per-conversation field: in at least one of their conversations); a contact whose "
                             + "value was never set or was cleared has the default and is not counted")
                     long contactsSet) {
    }

    @Serdeable
    @Schema(name = "MemoryFieldStats")
    record FieldStats(@Schema(requiredMode = REQUIRED) String botId,
                      @Schema(requiredMode = REQUIRED, description = "Distinct contacts with a conversation with "
                              + "the bot") long contacts,
                      @Schema(requiredMode = REQUIRED, description = "The declared fields, in their order")
                      List<FieldStat> fields) {
    }
}
