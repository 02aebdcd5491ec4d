package io.parley.api.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.analytics.AnalyticsRange;
import io.parley.core.analytics.AnalyticsTable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** A figure: the range it covers and its table (docs/analytics.md names every column). */
@Serdeable
@Schema(name = "AnalyticsTable")
record AnalyticsResponse(
        @Schema(requiredMode = REQUIRED, description = "The tenant's IANA time zone the buckets are in",
                example = "Asia/Taipei") String timeZone,
        @Schema(requiredMode = REQUIRED, description = "First local date of the range") LocalDate from,
        @Schema(requiredMode = REQUIRED, description = "Last local date of the range (included)") LocalDate to,
        @Schema(requiredMode = REQUIRED, description = "hour, day, week or month", example = "day") String groupBy,
        @Schema(requiredMode = REQUIRED, description = "The rows' keys, in order (the CSV header)")
        List<String> columns,
        @Schema(requiredMode = REQUIRED, description = "One object per bucket or group, keyed by column; numbers, "
                + "strings (bucket labels, ids) or null (a share or percentile of nothing)")
        List<Map<String, Object>> rows,
        @Nullable @Schema(description = "The whole range, where a total means something (bucket = \"total\")")
        Map<String, Object> totals) {

    static AnalyticsResponse of(AnalyticsRange range, AnalyticsTable table) {
        return new AnalyticsResponse(range.zone().getId(), range.from(), range.to(),
                range.unit().name().toLowerCase(java.util.Locale.ROOT), table.columns(), table.rows(), table.totals());
    }
}
