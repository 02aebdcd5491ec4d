package io.parley.core.segment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * Who is in a segment: every condition given must hold (AND); a condition left out (null or empty) holds for
 * everyone. Blocked contacts and the test chat's contacts are never in a segment. docs/segments.md.
 *
 * @param channelIds           has an identity on one of these channels
 * @param channelTypes         has an identity on a channel of one of these types ("line", "whatsapp", "telegram")
 * @param tagsAny              has at least one of these tags
 * @param tagsAll              has all of these tags
 * @param tagsNone             has none of these tags
 * @param tiers                is in one of these tiers
 * @param attributes           attribute conditions
 * @param lastActiveWithinDays wrote within this many days
 * @param inactiveForDays      has not written for this many days (never written: created that long ago)
 * @param following            has an identity (on the channels above, if given) that follows the bot (true), or
 *                             none (false)
 * @param createdAfter         created at or after
 * @param createdBefore        created before
 */
@Serdeable
public record SegmentDefinition(@Nullable List<String> channelIds, @Nullable List<String> channelTypes,
                                @Nullable List<String> tagsAny, @Nullable List<String> tagsAll,
                                @Nullable List<String> tagsNone, @Nullable List<String> tiers,
                                @Nullable List<AttributeCondition> attributes,
                                @Nullable Integer lastActiveWithinDays, @Nullable Integer inactiveForDays,
                                @Nullable Boolean following, @Nullable Instant createdAfter,
                                @Nullable Instant createdBefore) {

    /**
     * One attribute condition. {@code op}: {@code equals} / {@code notEquals} (the value, as JSON text: a string,
     * number or boolean), {@code exists} / {@code missing} (no value).
     */
    @Serdeable
    public record AttributeCondition(String key, String op, @Nullable String valueJson) {
    }

    public static SegmentDefinition everyone() {
        return new SegmentDefinition(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
