package io.parley.core.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Budget periods are UTC calendar months and days, like the plan's monthly usage. */
final class BudgetPeriods {

    private BudgetPeriods() {
    }

    /** A period: its key ("2026-12" or "2026-12-07") and its bounds, end exclusive. */
    record Window(String key, Instant from, Instant to) {
    }

    static Window of(LlmBudget.Period period, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (period == LlmBudget.Period.DAILY) {
            return new Window(day.toString(), day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        YearMonth month = YearMonth.from(day);
        return new Window(month.toString(), month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
