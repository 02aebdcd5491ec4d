package io.parley.core.memory;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A bot's memory fields and how the model updates them: {@link UpdateMode#TOOLS} offers an OpenAI-compatible
 * {@code update_memory} tool; {@link UpdateMode#JSON_BLOCK} asks for a {@code ```memory {...}```} block at the end of
 * the answer, for providers without tools.
 */
public record MemoryFields(List<MemoryField> fields, UpdateMode updateMode) {

    public static final MemoryFields NONE = new MemoryFields(List.of(), UpdateMode.TOOLS);

    public enum UpdateMode {
        TOOLS, JSON_BLOCK;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<UpdateMode> parse(@Nullable String text) {
            for (UpdateMode mode : values()) {
                if (mode.wireName().equals(text)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    public MemoryFields {
        fields = List.copyOf(fields);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public Optional<MemoryField> field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return fields.stream().map(MemoryField::name).toList();
    }
}
