package io.parley.core.trigger;

import io.micronaut.scheduling.cron.CronExpression;
import io.parley.core.flow.Trigger;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a schedule trigger falls due, in the tenant's time zone. Cron expressions are Micronaut's own parser (the
 * one {@code @Scheduled} uses), fed five standard fields with the seconds set to 0; it walks {@link ZonedDateTime}s,
 * so a daily 09:00 stays 09:00 local across a DST change. Each occurrence is keyed by its instant, so the repeated
 * hour of a fall-back change cannot fire one local time twice under two keys only if the expression names it twice.
 */
public final class ScheduleTimes {

    /** Bounds the walk from {@code since} to {@code until} (a cron firing every minute over a long catch-up). */
    private static final int MAX_STEPS = 10_000;

    private ScheduleTimes() {
    }

    /** Parses a five-field cron expression; throws IllegalArgumentException when it is not one. */
    public static CronExpression cron(String expression) {
        String[] fields = expression.trim().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("needs five fields: minute hour day-of-month month day-of-week");
        }
        try {
            return CronExpression.create("0 " + String.join(" ", fields));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage() == null ? "is not a cron expression" : e.getMessage());
        }
    }

    /** Parses {@code at}, a local date-time such as 2026-12-24T09:00; throws IllegalArgumentException. */
    public static LocalDateTime at(String at) {
        try {
            return LocalDateTime.parse(at);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not a local date-time such as 2026-12-24T09:00");
        }
    }

    /** The latest occurrence in ({@code since}, {@code until}], if any. */
    public static Optional<Instant> latest(Trigger.Schedule schedule, ZoneId zone, Instant since, Instant until) {
        if (schedule.at() != null) {
            // A local time in a DST gap moves forward by the gap's length; in an overlap the earlier offset wins.
            Instant when = at(schedule.at()).atZone(zone).toInstant();
            return when.isAfter(since) && !when.isAfter(until) ? Optional.of(when) : Optional.empty();
        }
        CronExpression cron = cron(schedule.cron());
        ZonedDateTime cursor = since.atZone(zone);
        Instant latest = null;
        for (int i = 0; i < MAX_STEPS; i++) {
            ZonedDateTime next = cron.nextTimeAfter(cursor);
            if (next == null || next.toInstant().isAfter(until)) {
                break;
            }
            if (!next.toInstant().isAfter(cursor.toInstant())) {
                cursor = cursor.plusMinutes(1); // never stand still (a parser quirk at a DST change)
                continue;
            }
            latest = next.toInstant();
            cursor = next;
        }
        return Optional.ofNullable(latest);
    }
}
