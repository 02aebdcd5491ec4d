package io.parley.core.flow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.flow.condition.Condition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What starts a flow. Stored as {@code flows.trigger_type} plus the record's fields as JSON in {@code flows.trigger}.
 * Keyword and regex triggers look at text messages, postback triggers at button presses, follow triggers at a new
 * follower (LINE follow, Telegram /start, first web chat), and a fallback flow answers a message nothing else did.
 * A gate answers every message, before any other flow and the LLM, until its condition holds.
 */
public sealed interface Trigger {

    /** The {@code trigger_type} column value. */
    String type();

    /**
     * One of {@code keywords} is the whole message ({@code exact}) or appears in it ({@code contains}), compared
     * case- and width-insensitively in any script (see {@link MatchText}).
     */
    @Serdeable
    record Keyword(List<String> keywords, Match match) implements Trigger {
        public Keyword {
            keywords = List.copyOf(keywords);
            Objects.requireNonNull(match, "match");
        }

        @Override
        public String type() {
            return "keyword";
        }
    }

    /** A Java regular expression found anywhere in the message; case-insensitive in every script. */
    @Serdeable
    record Regex(String pattern) implements Trigger {
        public static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

        public Regex {
            Objects.requireNonNull(pattern, "pattern");
        }

        /** Compiles the pattern as the matcher will; throws {@link java.util.regex.PatternSyntaxException}. */
        public Pattern compile() {
            if (pattern.length() > FlowLimits.MAX_PATTERN_LENGTH) {
                throw new IllegalArgumentException("pattern longer than " + FlowLimits.MAX_PATTERN_LENGTH);
            }
            return Pattern.compile(pattern, FLAGS);
        }

        @Override
        public String type() {
            return "regex";
        }
    }

    /** A button press whose postback data is exactly {@code data}. */
    @Serdeable
    record Postback(String data) implements Trigger {
        public Postback {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public String type() {
            return "postback";
        }
    }

    /** A contact starts following the bot (LINE follow event, Telegram /start, a new web chat). */
    @Serdeable
    record Follow() implements Trigger {
        @Override
        public String type() {
            return "follow";
        }
    }

    /** A message (text or postback) that no other flow matched; without one, the LLM answers. */
    @Serdeable
    record Fallback() implements Trigger {
        @Override
        public String type() {
            return "fallback";
        }
    }

    /**
     * Answers every message (text, button press, sticker) before any other flow and before the LLM, until
     * {@code until} holds for the contact: "no character yet: send the setup link", "age not confirmed: ask". A
     * press of one of the gate's own buttons passes through to its postback flow, which is how a gate is answered.
     */
    @Serdeable
    record Gate(Condition until) implements Trigger {
        public Gate {
            Objects.requireNonNull(until, "until");
        }

        @Override
        public String type() {
            return "gate";
        }
    }

    /** How a keyword compares with the message. */
    @Serdeable
    enum Match {
        EXACT, CONTAINS;

        @JsonValue
        public String wireName() {
            return WireName.of(this);
        }

        @JsonCreator
        public static Match fromWire(String text) {
            return parse(text).orElseThrow(() -> new IllegalArgumentException("match must be exact or contains"));
        }

        public static Optional<Match> parse(String text) {
            return WireName.parse(values(), text);
        }
    }
}
