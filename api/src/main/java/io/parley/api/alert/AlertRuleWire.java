package io.parley.api.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.time.Instant;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of /api/v1/alert-rules. */
final class AlertRuleWire {

    private AlertRuleWire() {
    }

    static final String KINDS = "llm_daily_cost, llm_failure_rate, handoff_waiting or credentials_rejected";

    private static final String COST = "llm_daily_cost: the day's LLM cost (the tenant's time zone) above this, in "
            + "micro-units of the LLM price table's money (USD): 10000000 = 10.00";
    private static final String PERCENT = "llm_failure_rate: failed calls (timeout, error, rate limited, circuit "
            + "open) above this percentage of the window's calls";
    private static final String WINDOW = "llm_failure_rate: the window, the last this many minutes; the alert fires "
            + "at most once per window";
    private static final String MIN_CALLS = "llm_failure_rate: no alert for a window with fewer calls";
    private static final String WAIT = "handoff_waiting: a flow's hand-off to a person without an agent's reply for "
            + "longer than this";

    @Serdeable
    @Schema(name = "AlertRuleCreate", description = "Give the thresholds of the kind, and only those.")
    record AlertRuleCreate(
            @NotBlank @Schema(requiredMode = REQUIRED, type = "string", allowableValues = {"llm_daily_cost",
                    "llm_failure_rate", "handoff_waiting", "credentials_rejected"}) String kind,
            @Nullable @Schema(description = "Default true") Boolean enabled,
            @Nullable @Min(1) @Max(1_000_000_000_000L) @Schema(description = COST, example = "10000000") Long costMicros,
            @Nullable @Min(1) @Max(100) @Schema(description = PERCENT, example = "25") Integer failurePercent,
            @Nullable @Min(5) @Max(1440) @Schema(description = WINDOW, example = "15") Integer windowMinutes,
            @Nullable @Min(1) @Max(100_000) @Schema(description = MIN_CALLS, example = "20") Integer minCalls,
            @Nullable @Min(1) @Max(10_080) @Schema(description = WAIT, example = "10") Integer waitMinutes) {
    }

    @Serdeable
    @Schema(name = "AlertRulePatch", description = "JSON Merge Patch; the kind cannot change.")
    record AlertRulePatch(
            @Nullable Boolean enabled,
            @Nullable @Min(1) @Max(1_000_000_000_000L) @Schema(description = COST) Long costMicros,
            @Nullable @Min(1) @Max(100) @Schema(description = PERCENT) Integer failurePercent,
            @Nullable @Min(5) @Max(1440) @Schema(description = WINDOW) Integer windowMinutes,
            @Nullable @Min(1) @Max(100_000) @Schema(description = MIN_CALLS) Integer minCalls,
            @Nullable @Min(1) @Max(10_080) @Schema(description = WAIT) Integer waitMinutes) {
    }

    @Serdeable
    @Schema(name = "AlertRule", description = "A rule; the thresholds of other kinds are null.")
    record AlertRuleResponse(
            @Schema(requiredMode = REQUIRED) String id,
            @Schema(requiredMode = REQUIRED, type = "string", allowableValues = {"llm_daily_cost", "llm_failure_rate",
                    "handoff_waiting", "credentials_rejected"}) String kind,
            @Schema(requiredMode = REQUIRED) boolean enabled,
            @Nullable @Schema(description = COST) Long costMicros,
            @Nullable @Schema(description = PERCENT) Integer failurePercent,
            @Nullable @Schema(description = WINDOW) Integer windowMinutes,
            @Nullable @Schema(description = MIN_CALLS) Integer minCalls,
            @Nullable @Schema(description = WAIT) Integer waitMinutes,
            @Schema(requiredMode = REQUIRED) Instant createdAt,
            @Schema(requiredMode = REQUIRED) Instant updatedAt) {
    }
}
