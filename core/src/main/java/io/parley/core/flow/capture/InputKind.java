package io.parley.core.flow.capture;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;
import java.util.Optional;

/**
 * What an {@code ask} step accepts as an answer; see {@code AnswerCheck}. {@code ACCESS_CODE} is checked against
 * the bot's access codes by the message pipeline (it needs the database), not by {@code AnswerCheck}.
 */
@Serdeable
public enum InputKind {
    TEXT, NUMBER, EMAIL, PHONE, DATE, CHOICE, REGEX, ACCESS_CODE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static InputKind fromWire(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("unknown input " + text));
    }

    public static Optional<InputKind> parse(String text) {
        for (InputKind kind : values()) {
            if (kind.wireName().equals(text)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
