package io.parley.core.billing.meter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/** Hour arithmetic and the meter event identifier, derived only from the ledger row's tenant, meter and hour. */
public final class MeterHours {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

    private MeterHours() {
    }

    public static Instant floor(Instant when) {
        return when.truncatedTo(ChronoUnit.HOURS);
    }

    public static Instant ceil(Instant when) {
        Instant floor = floor(when);
        return floor.equals(when) ? floor : floor.plus(1, ChronoUnit.HOURS);
    }

    /**
     * The meter event's identifier: the same for the same tenant, meter and hour, whoever computes it and however
     * often, so Stripe counts a resent event once. At most 63 characters (Stripe allows 100): the event name enters
     * as a short hash because it may itself be 100 characters long.
     */
    public static String identifier(UUID tenant, String eventName, Instant hour) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(eventName.getBytes(StandardCharsets.UTF_8));
            return "p1:" + tenant + ":" + HexFormat.of().formatHex(digest, 0, 6) + ":" + HOUR.format(hour);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
