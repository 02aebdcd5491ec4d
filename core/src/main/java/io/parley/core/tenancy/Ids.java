package io.parley.core.tenancy;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Row ids. UUIDv7 (RFC 9562) so ids sort by creation time, which keeps primary-key indexes append-mostly and
 * lets cursor pagination order by id alone.
 */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {
    }

    public static UUID next() {
        return GENERATOR.generate();
    }

    /**
     * The smallest UUIDv7 of the millisecond {@code at}: {@code id >= lowestAt(t)} selects the rows created since
     * {@code t} through an index on the id (the time is the id's leading 48 bits, RFC 9562 §5.7).
     */
    public static UUID lowestAt(Instant at) {
        return new UUID((at.toEpochMilli() << 16) | 0x7000L, Long.MIN_VALUE);
    }

    /** A path id that is not a UUID cannot name any row: callers answer 404, not 400. */
    public static Optional<UUID> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
