package io.parley.worker.turn;

import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.parley.core.memory.MemoryField;
import io.parley.core.memory.MemoryFields;
import io.parley.core.memory.MemoryRules;
import io.parley.worker.llm.LlmTool;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the model is told about the bot's memory fields: the {@code update_memory} tool, whose JSON schema has one
 * optional property per field (numbers, enums, texts, booleans; ranges and steps in the descriptions, since JSON
 * schema bounds are not honoured by every provider; Parley enforces them, and drops unknown properties, anyway), and the system prompt's
 * memory section with the current values — ending, for providers without tools, with how to write the
 * {@code ```memory} block instead.
 */
final class MemoryPrompt {

    static final String TOOL = "update_memory";
    static final String BLOCK_TAG = "memory";

    private MemoryPrompt() {
    }

    static LlmTool tool(MemoryFields fields) {
        Map<String, JsonSchemaElement> properties = new LinkedHashMap<>();
        for (MemoryField field : fields.fields()) {
            String description = describe(field);
            properties.put(field.name(), switch (field.kind()) {
                case NUMBER -> JsonNumberSchema.builder().description(description).build();
                case ENUM -> JsonEnumSchema.builder().enumValues(field.values()).description(description).build();
                case TEXT -> JsonStringSchema.builder().description(description).build();
                case BOOLEAN -> JsonBooleanSchema.builder().description(description).build();
            });
        }
        return new LlmTool(TOOL, "Save new values of the memory you keep about this user and conversation. Call it "
                + "with only the fields that change, whenever the conversation changes one; then answer the user "
                + "as usual.", JsonObjectSchema.builder().addProperties(properties).build());
    }

    /** The system prompt's memory section; {@code jsonBlock}: the model writes a block instead of calling the tool. */
    static String section(MemoryFields fields, Map<String, Object> values, boolean jsonBlock) {
        StringBuilder text = new StringBuilder("Memory you keep (current values):");
        for (MemoryField field : fields.fields()) {
            Object value = values.get(field.name());
            text.append("\n- ").append(field.name()).append(" = ")
                    .append(value == null ? "(not set)" : PromptData.json(value)) // quoted: the user's data
                    .append(" — ").append(describe(field));
        }
        if (jsonBlock) {
            text.append("\nWhen the conversation changes one of these, end your answer with a block holding only the "
                    + "changed values, exactly like:\n```" + BLOCK_TAG + "\n{\"").append(fields.fields().getFirst()
                    .name()).append("\": ").append(example(fields.fields().getFirst()))
                    .append("}\n```\nThe user does not see the block.");
        } else {
            text.append("\nWhen the conversation changes one of these, call " + TOOL + " with the new values, and "
                    + "always answer the user in text too.");
        }
        return text.toString();
    }

    private static String describe(MemoryField field) {
        String rules = MemoryRules.describe(field);
        return field.description() == null || field.description().isBlank() ? rules
                : field.description().strip() + " (" + rules + ")";
    }

    private static String example(MemoryField field) {
        return switch (field.kind()) {
            case NUMBER -> field.max() == null ? "1" : field.max().stripTrailingZeros().toPlainString();
            case ENUM -> "\"" + field.values().getFirst().replace("\"", "") + "\"";
            case TEXT -> "\"...\"";
            case BOOLEAN -> "true";
        };
    }
}
