package io.parley.core.analytics;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** The tenant's time zone setting: an IANA zone name such as {@code Asia/Taipei}; UTC by default. */
public final class TenantZones {

    public static final String DEFAULT = "UTC";

    private TenantZones() {
    }

    /**
     * The zone, when {@code name} is an IANA region id the JDK knows (its tzdb), or UTC. Offsets such as
     * {@code +08:00} are refused: they have no DST rules, and a business is in a place, not an offset.
     */
    public static Optional<ZoneId> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.equals("UTC")) {
            return Optional.of(ZoneId.of("UTC"));
        }
        return ZoneId.getAvailableZoneIds().contains(name) && name.contains("/")
                ? Optional.of(ZoneId.of(name)) : Optional.empty();
    }

    /**
     * Minutes past the UTC hour at which the zone's local hours start (0, 30 or 45), from its standard offset: the
     * rollups' buckets start there, so that local hours and days are exact unions of buckets.
     */
    public static int alignMinutes(ZoneId zone, Instant at) {
        int seconds = zone.getRules().getStandardOffset(at).getTotalSeconds();
        return Math.floorMod(seconds / 60, 60);
    }
}
