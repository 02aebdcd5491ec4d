package io.parley.core.flow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.core.annotation.Nullable;
import io.parley.core.flow.condition.Condition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What starts a flow. Stored as {@code flows.trigger_type} plus the record's fields as JSON in {@code flows.trigger}.
 * Keyword and regex triggers look at text messages, postback triggers at button presses, follow triggers at a new
 * follower (LINE follow, Telegram /start, first web chat), and a fallback flow answers a message nothing else did.
 * A gate answers every message, before any other flow and the LLM, until its condition holds.
 *
 * <p>{@link Proactive} triggers start a flow with no inbound message at all (the contact submitted the setup page,
 * was created, went quiet, or a schedule fell due); the matcher never picks them for a message, the trigger runner
 * does (core/trigger, docs/flows.md "Proactive triggers").
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

    /** A trigger that fires without an inbound message; each firing is one row of {@code trigger_runs}. */
    sealed interface Proactive extends Trigger {
    }

    /** The contact submitted the setup page (once per contact and flow: the first submission). */
    @Serdeable
    record SetupSubmitted() implements Proactive {
        @Override
        public String type() {
            return "setup_submitted";
        }
    }

    /**
     * The contact was created by the API ({@code POST /api/v1/contacts}) or a CSV import, not by writing to the bot:
     * someone who writes first is answered by the follow and welcome path instead, so they are not greeted twice.
     */
    @Serdeable
    record ContactCreated() implements Proactive {
        @Override
        public String type() {
            return "contact_created";
        }
    }

    /**
     * No inbound message for {@code after} {@code unit}s: fires once per inactivity spell of a conversation, and the
     * contact's next message starts a new spell.
     */
    @Serdeable
    record Inactive(int after, Unit unit) implements Proactive {
        public Inactive {
            Objects.requireNonNull(unit, "unit");
        }

        public java.time.Duration duration() {
            return unit == Unit.HOURS ? java.time.Duration.ofHours(after) : java.time.Duration.ofDays(after);
        }

        @Override
        public String type() {
            return "inactive";
        }
    }

    /**
     * A cron expression (five fields: minute hour day-of-month month day-of-week) or one local date-time
     * ({@code at}, ISO {@code 2026-12-24T09:00}), both read in the tenant's time zone; sent to every contact of the
     * bot's channels, or to the contacts of segment {@code segmentId}.
     */
    @Serdeable
    record Schedule(@Nullable String cron, @Nullable String at, @Nullable UUID segmentId) implements Proactive {
        public Schedule {
            if ((cron == null) == (at == null)) {
                throw new IllegalArgumentException("a schedule has either cron or at");
            }
        }

        @Override
        public String type() {
            return "schedule";
        }
    }

    /** The unit of an inactivity trigger. */
    @Serdeable
    enum Unit {
        HOURS, DAYS;

        @JsonValue
        public String wireName() {
            return WireName.of(this);
        }

        @JsonCreator
        public static Unit fromWire(String text) {
            return parse(text).orElseThrow(() -> new IllegalArgumentException("unit must be hours or days"));
        }

        public static Optional<Unit> parse(String text) {
            return WireName.parse(values(), text);
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
