package io.parley.core.trigger;

import io.micronaut.scheduling.cron.CronExpression;
import io.parley.core.flow.Trigger;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a schedule trigger falls due, in the tenant's time zone. Cron expressions are Micronaut's own parser (the
 * one {@code @Scheduled} uses), fed five standard fields with the seconds set to 0, and matched against wall-clock
 * times, so a daily 09:00 stays 09:00 local across a DST change.
 *
 * <p>An occurrence is keyed by its <em>local</em> date-time: when clocks fall back, 01:30 happens twice, and both
 * instants carry the key {@code 01:30} of that day, so a contact gets the 01:30 message once. When clocks spring
 * forward, a local time inside the gap is sent at the same distance after the gap ({@link ZonedDateTime}'s rule:
 * 02:30 → 03:30), as classic cron does, rather than skipped for the day.
 */
public final class ScheduleTimes {

    /** One occurrence: when it is due, and its key (the local date-time, minute precision). */
    public record Occurrence(Instant at, String key) {
    }

    public static final String NOT_CRON =
            "must be a cron expression of five fields: minute hour day-of-month month day-of-week";
    public static final String NOT_AT = "must be a local date-time such as 2026-12-24T09:00";

    /** Bounds the walk (a cron firing every minute over a long catch-up window). */
    private static final int MAX_STEPS = 50_000;

    private ScheduleTimes() {
    }

    /** Parses a five-field cron expression; throws IllegalArgumentException when it is not one. */
    public static CronExpression cron(String expression) {
        String[] fields = expression.trim().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException(NOT_CRON);
        }
        try {
            return CronExpression.create("0 " + String.join(" ", fields));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(NOT_CRON);
        }
    }

    /** Parses {@code at}, a local date-time such as 2026-12-24T09:00; throws IllegalArgumentException. */
    public static LocalDateTime at(String at) {
        try {
            return LocalDateTime.parse(at);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(NOT_AT);
        }
    }

    /** The latest occurrence due in ({@code since}, {@code until}], if any. */
    public static Optional<Occurrence> latest(Trigger.Schedule schedule, ZoneId zone, Instant since, Instant until) {
        if (schedule.at() != null) {
            // A local time in a DST gap moves forward by the gap's length; in an overlap the earlier offset wins.
            LocalDateTime local = at(schedule.at());
            Instant when = local.atZone(zone).toInstant();
            return when.isAfter(since) && !when.isAfter(until)
                    ? Optional.of(new Occurrence(when, key(local))) : Optional.empty();
        }
        // The expression is matched against wall-clock times (walked in UTC, which has no DST), then each local
        // time is placed in the tenant's zone: one instant per local time, whatever the clocks did.
        CronExpression cron = cron(schedule.cron());
        LocalDateTime from = since.atZone(zone).toLocalDateTime().minusHours(3); // wider than any DST shift
        LocalDateTime to = until.atZone(zone).toLocalDateTime().plusHours(3);
        ZonedDateTime cursor = from.atZone(ZoneOffset.UTC);
        Occurrence latest = null;
        for (int i = 0; i < MAX_STEPS; i++) {
            ZonedDateTime next = cron.nextTimeAfter(cursor);
            if (next == null || next.toLocalDateTime().isAfter(to)) {
                break;
            }
            LocalDateTime local = next.toLocalDateTime();
            Instant when = local.atZone(zone).toInstant();
            if (when.isAfter(since) && !when.isAfter(until)) {
                latest = new Occurrence(when, key(local));
            }
            cursor = next;
        }
        return Optional.ofNullable(latest);
    }

    private static String key(LocalDateTime local) {
        return local.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
    }
}
