package io.parley.core.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's alert rule. Only the thresholds of its kind are set (the table checks it): {@code costMicros} for
 * {@code llm_daily_cost}; {@code failurePercent}, {@code windowMinutes}, {@code minCalls} for
 * {@code llm_failure_rate}; {@code waitMinutes} for {@code handoff_waiting}; none for {@code credentials_rejected}.
 */
@MappedEntity("alert_rules")
public record AlertRule(UUID tenantId, @Id UUID id, String kind, boolean enabled, @Nullable Long costMicros,
                        @Nullable Integer failurePercent, @Nullable Integer windowMinutes, @Nullable Integer minCalls,
                        @Nullable Integer waitMinutes, Instant createdAt, Instant updatedAt) {

    public AlertKind alertKind() {
        return AlertKind.parse(kind).orElseThrow(() -> new IllegalStateException("unknown alert kind " + kind));
    }
}
