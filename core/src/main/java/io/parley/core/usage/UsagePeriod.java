package io.parley.core.usage;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Plans count per calendar month in UTC; {@code usage_counters.period} is that month as "2026-11". */
public final class UsagePeriod {

    private UsagePeriod() {
    }

    public static String of(Instant when) {
        return YearMonth.from(when.atZone(ZoneOffset.UTC)).toString();
    }

    /** When the month that contains {@code when} ends: a monthly limit lifts then. */
    public static Instant end(Instant when) {
        return YearMonth.from(when.atZone(ZoneOffset.UTC)).plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    /** The first instant of a month (UTC). */
    public static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
