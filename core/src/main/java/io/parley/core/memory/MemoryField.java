package io.parley.core.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One typed memory field a bot declares (stored as JSON in {@code bot_memory_fields.fields}, checked by
 * {@link MemoryRules} before it is stored). By {@code type}: {@code number} uses {@code min}, {@code max} and an
 * optional {@code step} (the most one turn of the LLM may move it), {@code enum} its {@code values}, {@code text} its
 * {@code maxLength}; {@code boolean} nothing more. {@code scope}: one value per contact (default) or per conversation.
 * {@code description} is what the model reads about the field; {@code visibleToContact} says whether the contact
 * may be shown it.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemoryField(String name, String type, @Nullable String scope, @Nullable String description,
                         @JsonProperty("default") @Nullable Object defaultValue, @Nullable Boolean visibleToContact,
                         @Nullable BigDecimal min, @Nullable BigDecimal max, @Nullable BigDecimal step,
                         @Nullable List<String> values, @Nullable Integer maxLength) {

    /** Texts are cut to this when a field sets no maxLength. */
    public static final int DEFAULT_MAX_LENGTH = 200;

    public enum Type {
        NUMBER, ENUM, TEXT, BOOLEAN;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Type> parse(@Nullable String text) {
            for (Type type : values()) {
                if (type.wireName().equals(text)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    public enum Scope {
        CONTACT, CONVERSATION;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Scope> parse(@Nullable String text) {
            if (text == null) {
                return Optional.of(CONTACT);
            }
            for (Scope scope : values()) {
                if (scope.wireName().equals(text)) {
                    return Optional.of(scope);
                }
            }
            return Optional.empty();
        }
    }

    /** The field's type; only a field {@link MemoryRules} accepted is stored, so this is never empty for one. */
    public Type kind() {
        return Type.parse(type).orElseThrow(() -> new IllegalStateException("memory field " + name + " has type "
                + type));
    }

    public Scope scopeKind() {
        return Scope.parse(scope).orElse(Scope.CONTACT);
    }

    public boolean perConversation() {
        return scopeKind() == Scope.CONVERSATION;
    }

    public boolean visible() {
        return Boolean.TRUE.equals(visibleToContact);
    }

    public int textLimit() {
        return maxLength == null ? DEFAULT_MAX_LENGTH : maxLength;
    }
}
