package io.parley.core.flow.condition;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What conditions can look at when a message arrives: the contact's tier, name, attributes and whether it has
 * finished the setup page (a persona of its own), the channel type ({@code line}, {@code whatsapp},
 * {@code telegram}, {@code web}), the conversation's variables (captured by ask steps), the time and the tenant's
 * time zone (asked for only when a condition needs the time of day or the day of the week, since reading it may cost
 * a query), and whether the contact redeemed an access code of the bot ({@code accessCode}: asked for only when a
 * condition reads {@code contact.accessCode}, for the same reason), and the bot's memory values for the contact and
 * conversation ({@code memory}: asked for only when a condition or a text reads {@code memory.<name>}), and the
 * contact's tags ({@code tags}, as stored: case matters).
 */
public record ConditionFacts(@Nullable String displayName, String tier, Map<String, ?> attributes,
                             boolean personaOverride, @Nullable String channel, Instant now,
                             Supplier<ZoneId> zone, Map<String, ?> variables, BooleanSupplier accessCode,
                             Supplier<Map<String, ?>> memory, List<String> tags) {

    private static final BooleanSupplier NO_CODE = () -> false;
    private static final Supplier<Map<String, ?>> NO_MEMORY = Map::of;

    public ConditionFacts {
        Objects.requireNonNull(tier, "tier");
        attributes = attributes == null ? Map.of() : attributes;
        variables = variables == null ? Map.of() : variables;
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        accessCode = accessCode == null ? NO_CODE : accessCode;
        memory = memory == null ? NO_MEMORY : memory;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Facts of a contact without tags. */
    public ConditionFacts(@Nullable String displayName, String tier, Map<String, ?> attributes, boolean personaOverride,
                          @Nullable String channel, Instant now, Supplier<ZoneId> zone, Map<String, ?> variables,
                          BooleanSupplier accessCode, Supplier<Map<String, ?>> memory) {
        this(displayName, tier, attributes, personaOverride, channel, now, zone, variables, accessCode, memory,
                List.of());
    }

    /** Facts without memory values. */
    public ConditionFacts(@Nullable String displayName, String tier, Map<String, ?> attributes, boolean personaOverride,
                          @Nullable String channel, Instant now, Supplier<ZoneId> zone, Map<String, ?> variables,
                          BooleanSupplier accessCode) {
        this(displayName, tier, attributes, personaOverride, channel, now, zone, variables, accessCode, NO_MEMORY);
    }

    /** Facts of a contact that has redeemed no access code. */
    public ConditionFacts(@Nullable String displayName, String tier, Map<String, ?> attributes, boolean personaOverride,
                          @Nullable String channel, Instant now, Supplier<ZoneId> zone, Map<String, ?> variables) {
        this(displayName, tier, attributes, personaOverride, channel, now, zone, variables, NO_CODE);
    }

    /** Facts of a conversation without variables. */
    public ConditionFacts(@Nullable String displayName, String tier, Map<String, ?> attributes, boolean personaOverride,
                          @Nullable String channel, Instant now, Supplier<ZoneId> zone) {
        this(displayName, tier, attributes, personaOverride, channel, now, zone, Map.of());
    }

    /** Facts of an anonymous free contact on no channel, in UTC: what matching without a contact sees. */
    public static ConditionFacts none() {
        return new ConditionFacts(null, "free", Map.of(), false, null, Instant.now(), () -> ZoneId.of("UTC"));
    }

    /** The same facts with other attributes (steps that set attributes change what later branches see). */
    public ConditionFacts withAttributes(Map<String, ?> changed) {
        return new ConditionFacts(displayName, tier, changed, personaOverride, channel, now, zone, variables,
                accessCode, memory, tags);
    }

    /** The same facts with other conversation variables. */
    public ConditionFacts withVariables(Map<String, ?> changed) {
        return new ConditionFacts(displayName, tier, attributes, personaOverride, channel, now, zone, changed,
                accessCode, memory, tags);
    }

    /** The facts once the contact redeemed an access code: its tier and attributes after the code's grants. */
    public ConditionFacts redeemed(String newTier, Map<String, ?> newAttributes) {
        return new ConditionFacts(displayName, newTier, newAttributes, personaOverride, channel, now, zone, variables,
                () -> true, memory, tags);
    }

    /** The same facts with the bot's memory values, read when first needed. */
    public ConditionFacts withMemory(Supplier<Map<String, ?>> values) {
        return new ConditionFacts(displayName, tier, attributes, personaOverride, channel, now, zone, variables,
                accessCode, values, tags);
    }

    /** The same facts with the contact's tags. */
    public ConditionFacts withTags(List<String> contactTags) {
        return new ConditionFacts(displayName, tier, attributes, personaOverride, channel, now, zone, variables,
                accessCode, memory, contactTags);
    }
}
