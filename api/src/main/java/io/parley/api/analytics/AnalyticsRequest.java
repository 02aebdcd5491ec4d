package io.parley.api.analytics;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.analytics.AnalyticsRange;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.http.problem.ProblemException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * The query every figure takes, checked: {@code from}/{@code to} local dates (both included; default the 30 days
 * ending today in the tenant's zone), {@code groupBy} hour/day/week/month (default day), {@code botId},
 * {@code channelId}. An id that is not a UUID names nothing: the figures are empty, as for another tenant's id.
 */
final class AnalyticsRequest {

    static final int MAX_DAYS = 400;
    static final int MAX_HOURLY_DAYS = 31;
    static final String BAD_DATE = "must be a date (YYYY-MM-DD)";
    static final String BAD_GROUP = "must be hour, day, week or month";
    static final String TO_BEFORE_FROM = "must not be before from";
    static final String TOO_LONG = "the range must be at most " + MAX_DAYS + " days";
    static final String HOURLY_TOO_LONG = "hour is allowed for ranges of at most " + MAX_HOURLY_DAYS + " days";

    private static final UUID NOTHING = new UUID(0, 0);

    private AnalyticsRequest() {
    }

    static AnalyticsRange range(TenantId tenant, ZoneId zone, @Nullable String from, @Nullable String to,
                                @Nullable String groupBy, @Nullable String botId, @Nullable String channelId) {
        LocalDate today = LocalDate.now(zone);
        LocalDate end = to == null ? today : date("to", to);
        LocalDate start = from == null ? end.minusDays(29) : date("from", from);
        if (end.isBefore(start)) {
            throw ProblemException.invalidField("to", TO_BEFORE_FROM);
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > MAX_DAYS) {
            throw ProblemException.invalidField("to", TOO_LONG);
        }
        AnalyticsRange.Unit unit = unit(groupBy);
        if (unit == AnalyticsRange.Unit.HOUR && days > MAX_HOURLY_DAYS) {
            throw ProblemException.invalidField("groupBy", HOURLY_TOO_LONG);
        }
        return new AnalyticsRange(tenant.value(), zone, start, end, unit, id(botId), id(channelId));
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, BAD_DATE);
        }
    }

    private static AnalyticsRange.Unit unit(@Nullable String groupBy) {
        if (groupBy == null) {
            return AnalyticsRange.Unit.DAY;
        }
        try {
            return AnalyticsRange.Unit.valueOf(groupBy.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("groupBy", BAD_GROUP);
        }
    }

    private static UUID id(@Nullable String text) {
        return text == null || text.isBlank() ? null : Ids.parse(text.trim()).orElse(NOTHING);
    }
}
