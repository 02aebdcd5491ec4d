package io.parley.core.memory;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;
import java.util.UUID;

/**
 * A value that changed: the field, the conversation for a per-conversation field (else null), old and new (null:
 * no value, so the default applies).
 */
public record MemoryChange(String field, @Nullable UUID conversationId, @Nullable Object oldValue,
                           @Nullable Object newValue) {

    /** Who changed a value, as the history records it. */
    public enum Source {
        LLM, AGENT, FLOW, API;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
