package io.parley.core.analytics;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a figure is asked for: local dates {@code from}..{@code to} (both included) in the tenant's zone, grouped by
 * {@code unit}, optionally one bot and/or one channel. Days start at local midnight (DST days are 23 or 25 hours),
 * weeks on Monday (ISO 8601), months on the 1st.
 */
public record AnalyticsRange(UUID tenant, ZoneId zone, LocalDate from, LocalDate to, Unit unit,
                             @Nullable UUID bot, @Nullable UUID channel) {

    /** How buckets are grouped; the SQL name is {@code date_trunc}'s. */
    public enum Unit {
        HOUR, DAY, WEEK, MONTH;

        String sql() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The same length just before: "trend vs the previous period". */
    public AnalyticsRange previous() {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new AnalyticsRange(tenant, zone, from.minusDays(days), from.minusDays(1), unit, bot, channel);
    }

    /**
     * SQL for a row's group key from its rollup bucket (column {@code bucket} of alias {@code alias}): for hours the
     * bucket itself (a local hour that happens twice at a DST change stays two hours), else the local date that
     * starts the day, week or month.
     */
    String keySql(String column) {
        return unit == Unit.HOUR ? "CAST(" + column + " AS timestamptz)"
                : "CAST(date_trunc('" + unit.sql() + "', " + column + " AT TIME ZONE :tz) AS date)";
    }

    /**
     * Whether the range reads the daily rollups ({@code analytics_count_days}, {@code analytics_latency_days},
     * {@code analytics_contact_days}): for day, week and month groups; hours read the hourly ones.
     */
    boolean daily() {
        return unit != Unit.HOUR;
    }

    /** The rollup table to read: {@code hourly} for hour groups, {@code daily} otherwise. */
    String table(String hourly, String daily) {
        return daily() ? daily : hourly;
    }

    /** A rollup row's period column: {@code day} (a local date) or {@code bucket} (an hourly bucket's start). */
    String periodColumn(String alias) {
        return alias + (daily() ? ".day" : ".bucket");
    }

    /** The condition that keeps the rollup rows of alias {@code alias} inside the range. */
    String periodSql(String alias) {
        return daily() ? alias + ".day >= :fromDay AND " + alias + ".day <= :toDay"
                : alias + ".bucket >= :start AND " + alias + ".bucket < :end";
    }

    /** The group key of a period read by {@link #periodColumn} (the same keys {@link #keySql} gives). */
    String groupSql(String period) {
        return switch (unit) {
            case HOUR -> keySql(period);
            case DAY -> period;
            case WEEK, MONTH -> "CAST(date_trunc('" + unit.sql() + "', CAST(" + period + " AS timestamp)) AS date)";
        };
    }

    /** The filter on bot and channel for rollup alias {@code alias}. */
    String filterSql(String alias) {
        return (bot == null ? "" : " AND " + alias + ".bot_id = :bot")
                + (channel == null ? "" : " AND " + alias + ".channel_id = :channel");
    }

    Map<String, Object> values() {
        Map<String, Object> values = new HashMap<>();
        values.put("t", tenant);
        values.put("tz", zone.getId());
        values.put("start", start());
        values.put("end", end());
        values.put("fromDay", from);
        values.put("toDay", to);
        values.put("bot", bot);
        values.put("channel", channel);
        return values;
    }

    /** Every group key of the range in order, as the labels the API shows (so empty buckets show as zeros). */
    public List<String> labels() {
        List<String> labels = new ArrayList<>();
        switch (unit) {
            case HOUR -> {
                for (Instant at = start(); at.isBefore(end()); at = at.plusSeconds(3600)) {
                    labels.add(label(at));
                }
            }
            case DAY -> from.datesUntil(to.plusDays(1)).forEach(day -> labels.add(day.toString()));
            case WEEK -> {
                for (LocalDate day = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !day.isAfter(to);
                     day = day.plusWeeks(1)) {
                    labels.add(day.toString());
                }
            }
            case MONTH -> {
                for (LocalDate day = from.withDayOfMonth(1); !day.isAfter(to); day = day.plusMonths(1)) {
                    labels.add(day.toString());
                }
            }
        }
        return labels;
    }

    /** The label of a group key read back from SQL (a timestamp for hours, a date otherwise). */
    String label(Object key) {
        return switch (key) {
            case java.sql.Timestamp timestamp -> label(timestamp.toInstant());
            case Instant instant -> OffsetDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES).toString();
            case java.sql.Date date -> date.toLocalDate().toString();
            case LocalDateTime time -> time.toLocalDate().toString();
            default -> key.toString();
        };
    }
}
