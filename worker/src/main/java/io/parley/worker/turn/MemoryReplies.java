package io.parley.worker.turn;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.core.memory.MemoryBounds;
import io.parley.core.memory.MemoryField;
import io.parley.core.memory.MemoryFields;
import io.parley.worker.llm.LlmToolCall;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the model's memory updates: {@code update_memory} tool calls, and {@code ```memory {...}```} blocks (the
 * fallback for providers without tools), which are cut out of the text the contact gets. Whatever is malformed — JSON
 * that does not parse, another tool, an unknown field, a value of the wrong type — is skipped and logged by bot and
 * field name only (the arguments may quote the contact), and never stops the reply.
 */
@Singleton
final class MemoryReplies {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryReplies.class);
    /** A fenced block tagged memory, anywhere in the answer (models put it last, but not always). */
    private static final Pattern BLOCK = Pattern.compile("```" + MemoryPrompt.BLOCK_TAG + "[ \\t]*\\R?(.*?)```",
            Pattern.DOTALL);
    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    /** The contact's text and the proposed values by field name. */
    record Read(String text, Map<String, Object> proposals) {
    }

    private final JsonMapper json;

    MemoryReplies(JsonMapper json) {
        this.json = json;
    }

    Read read(UUID botId, MemoryFields fields, String text, List<LlmToolCall> calls) {
        Map<String, Object> proposals = new LinkedHashMap<>();
        for (LlmToolCall call : calls) {
            if (!MemoryPrompt.TOOL.equals(call.name())) {
                LOG.warn("Bot {}: the model called a tool it was not offered; ignored", botId);
                continue;
            }
            parse(botId, fields, call.arguments()).ifPresent(proposals::putAll);
        }
        Matcher block = BLOCK.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (block.find()) {
            parse(botId, fields, block.group(1)).ifPresent(proposals::putAll);
            block.appendReplacement(rest, "");
        }
        block.appendTail(rest);
        return new Read(rest.toString().strip(), proposals);
    }

    private Optional<Map<String, Object>> parse(UUID botId, MemoryFields fields, String arguments) {
        Map<String, Object> values;
        try {
            values = json.readValue(arguments.strip(), OBJECT);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Bot {}: a memory update is not a JSON object; ignored", botId);
            return Optional.empty();
        }
        if (values == null) {
            LOG.warn("Bot {}: a memory update is not a JSON object; ignored", botId);
            return Optional.empty();
        }
        Map<String, Object> accepted = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Optional<MemoryField> field = fields.field(name);
            if (field.isEmpty()) {
                LOG.warn("Bot {}: a memory update names an unknown field; ignored", botId);
            } else if (MemoryBounds.moved(field.get(), null, value).isEmpty()) {
                LOG.warn("Bot {}: a memory update of {} has the wrong type; ignored", botId, name);
            } else {
                accepted.put(name, value);
            }
        });
        return Optional.of(accepted);
    }
}
