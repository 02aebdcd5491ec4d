package io.parley.core.flow.condition;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reading the scalars conditions compare: numbers (JSON numbers or numeric text, since attributes set by flows and
 * the setup page are text), times of day ("HH:mm"), and dates: an ISO date ({@code 2008-12-07}), an ISO instant
 * ({@code 2026-12-07T09:00:00Z}) or a period from today ({@code -P18Y}, {@code P30D}) in the tenant's time zone.
 * All from java.time: no hand-written parsing.
 */
public final class ConditionValues {

    private ConditionValues() {
    }

    public static boolean scalar(@Nullable Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    public static Optional<BigDecimal> number(@Nullable Object value) {
        if (value instanceof Number n) {
            return parseNumber(n.toString());
        }
        return value instanceof String s ? parseNumber(s.strip()) : Optional.empty();
    }

    private static Optional<BigDecimal> parseNumber(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static Optional<LocalTime> time(@Nullable Object value) {
        if (!(value instanceof String s) || !s.matches("\\d{2}:\\d{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code value} is a date, an instant or a period that {@link #instant} can read. */
    public static boolean date(@Nullable Object value) {
        return instant(value, Instant.EPOCH, ZoneId.of("UTC")).isPresent();
    }

    /** The moment a date-like value stands for: a date is its start of day in {@code zone}. */
    public static Optional<Instant> instant(@Nullable Object value, Instant now, ZoneId zone) {
        if (!(value instanceof String s) || s.isBlank()) {
            return Optional.empty();
        }
        String text = s.strip();
        try {
            if (text.startsWith("P") || text.startsWith("-P") || text.startsWith("+P")) {
                LocalDate today = LocalDate.ofInstant(now, zone);
                return Optional.of(today.plus(Period.parse(text)).atStartOfDay(zone).toInstant());
            }
            if (text.length() == 10) {
                return Optional.of(LocalDate.parse(text).atStartOfDay(zone).toInstant());
            }
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
