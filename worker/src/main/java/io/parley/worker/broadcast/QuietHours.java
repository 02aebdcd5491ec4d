package io.parley.worker.broadcast;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.core.flow.condition.TenantTimeZones;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * A broadcast's optional quiet hours {@code {"start": "21:00", "end": "09:00"}}: no sends between them, in the
 * tenant's time zone (contacts have no time zone of their own in Parley, so the tenant's is used for everyone;
 * docs/broadcasts.md "Quiet hours"). A window may cross midnight.
 */
@Singleton
final class QuietHours {

    private final TenantTimeZones zones;
    private final JsonMapper json;

    QuietHours(TenantTimeZones zones, JsonMapper json) {
        this.zones = zones;
        this.json = json;
    }

    /** When the quiet hours around {@code now} end, or null when {@code now} is outside them (or there are none). */
    @Nullable
    Instant until(TenantId tenant, @Nullable String quietHoursJson, Instant now) {
        if (quietHoursJson == null || quietHoursJson.isBlank() || "null".equals(quietHoursJson)) {
            return null;
        }
        Map<String, Object> window;
        try {
            window = json.readValue(quietHoursJson, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            return null;
        }
        if (window == null || !(window.get("start") instanceof String start)
                || !(window.get("end") instanceof String end)) {
            return null;
        }
        return until(zones.of(tenant), LocalTime.parse(start), LocalTime.parse(end), now);
    }

    @Nullable
    static Instant until(ZoneId zone, LocalTime start, LocalTime end, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean crossesMidnight = start.isAfter(end);
        boolean quiet = crossesMidnight ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet || start.equals(end)) {
            return null;
        }
        ZonedDateTime endAt = local.with(end);
        if (!endAt.isAfter(local)) {
            endAt = endAt.plusDays(1);
        }
        return endAt.toInstant();
    }
}
