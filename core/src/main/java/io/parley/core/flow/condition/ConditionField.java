package io.parley.core.flow.condition;

import io.parley.core.flow.FlowLimits;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static io.parley.core.flow.condition.ConditionOp.*;

/**
 * A field a condition can test, parsed from its name, with the ops that make sense for it.
 *
 * @param kind what is read
 * @param key  the attribute's or variable's key for {@link Kind#ATTRIBUTE} and {@link Kind#VARIABLE}, the memory
 *             field's name for {@link Kind#MEMORY}, else null
 */
public record ConditionField(Kind kind, String key) {

    public static final List<String> CHANNELS = List.of("line", "whatsapp", "telegram", "web");
    public static final List<String> WEEKDAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    public static final String KNOWN = "contact.tier, contact.displayName, contact.personaOverride, "
            + "contact.accessCode, contact.tags, contact.attributes.<key>, conversation.variables.<key>, memory.<name>, channel, "
            + "time, weekday";
    private static final String ATTRIBUTES = "contact.attributes.";
    private static final String VARIABLES = "conversation.variables.";
    private static final String MEMORY = "memory.";
    private static final Pattern MEMORY_NAME = Pattern.compile(io.parley.core.memory.MemoryRules.NAME_PATTERN);
    private static final Pattern KEY = Pattern.compile(FlowLimits.ATTRIBUTE_KEY_PATTERN);

    public enum Kind {
        /** The contact's tier ("free", "premium"...). */
        TIER(EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN)),
        DISPLAY_NAME(EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, NOT_EXISTS, CONTAINS)),
        /** Present once the contact saved a persona of its own on the setup page. */
        PERSONA_OVERRIDE(EnumSet.of(EXISTS, NOT_EXISTS)),
        /** Present once the contact redeemed an access code of the bot (one that is not revoked). */
        ACCESS_CODE(EnumSet.of(EXISTS, NOT_EXISTS)),
        /**
         * The contact's tags, a set: {@code contains} (has this tag), {@code in} (has any of these), {@code exists}
         * (has any tag); negations go through {@code not}.
         */
        TAGS(EnumSet.of(CONTAINS, IN, EXISTS)),
        ATTRIBUTE(EnumSet.allOf(ConditionOp.class)),
        /** A value this conversation captured with an ask step. */
        VARIABLE(EnumSet.allOf(ConditionOp.class)),
        /** A memory field of the bot (core memory): the contact's or the conversation's value, else its default. */
        MEMORY(EnumSet.allOf(ConditionOp.class)),
        /** The channel type of the conversation. */
        CHANNEL(EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN)),
        /** The time of day ("HH:mm") in the tenant's time zone. */
        TIME(EnumSet.of(BEFORE, AFTER, BETWEEN)),
        /** The day of the week (mon..sun) in the tenant's time zone. */
        WEEKDAY(EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN));

        private final Set<ConditionOp> ops;

        Kind(Set<ConditionOp> ops) {
            this.ops = ops;
        }

        public Set<ConditionOp> ops() {
            return ops;
        }
    }

    public static Optional<ConditionField> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.startsWith(ATTRIBUTES)) {
            String key = name.substring(ATTRIBUTES.length());
            return KEY.matcher(key).matches() ? Optional.of(new ConditionField(Kind.ATTRIBUTE, key)) : Optional.empty();
        }
        if (name.startsWith(VARIABLES)) {
            String key = name.substring(VARIABLES.length());
            return KEY.matcher(key).matches() ? Optional.of(new ConditionField(Kind.VARIABLE, key)) : Optional.empty();
        }
        if (name.startsWith(MEMORY)) {
            String key = name.substring(MEMORY.length());
            return MEMORY_NAME.matcher(key).matches() ? Optional.of(new ConditionField(Kind.MEMORY, key))
                    : Optional.empty();
        }
        Kind kind = switch (name) {
            case "contact.tier" -> Kind.TIER;
            case "contact.displayName" -> Kind.DISPLAY_NAME;
            case "contact.personaOverride" -> Kind.PERSONA_OVERRIDE;
            case "contact.accessCode" -> Kind.ACCESS_CODE;
            case "contact.tags" -> Kind.TAGS;
            case "channel" -> Kind.CHANNEL;
            case "time" -> Kind.TIME;
            case "weekday" -> Kind.WEEKDAY;
            default -> null;
        };
        return Optional.ofNullable(kind).map(k -> new ConditionField(k, null));
    }

    /** Whether the field needs the tenant's time zone. */
    public boolean clock() {
        return kind == Kind.TIME || kind == Kind.WEEKDAY;
    }
}
