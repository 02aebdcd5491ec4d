package io.parley.core.alert;

import io.parley.core.analytics.TenantZoneRepository;
import io.parley.core.notification.Notifications;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Evaluates a tenant's time-based rules at an instant (the periodic {@code alert.evaluate} job): the day's LLM cost,
 * the failure rate of the last window, and hand-offs waiting without an agent's reply. A rule whose condition holds
 * raises a notification whose dedup key names the rule and the period — the tenant's local day, the window's slot
 * ({@code windowMinutes} slots since the epoch), the hand-off — so it fires once per condition and period, however
 * many workers evaluate it and however often (the notifications' unique key decides, in the database).
 * {@code credentials_rejected} fires on the event itself ({@link CredentialAlerts}).
 */
@Singleton
public final class AlertEvaluator {

    /** A hand-off older than its wait plus this is not news any more (e.g. when a rule is created or enabled). */
    static final Duration HANDOFF_LOOKBACK = Duration.ofDays(1);

    private final TenantScope scope;
    private final AlertRuleRepository rules;
    private final AlertConditions conditions;
    private final TenantZoneRepository zones;
    private final Notifications notifications;

    AlertEvaluator(TenantScope scope, AlertRuleRepository rules, AlertConditions conditions,
                   TenantZoneRepository zones, Notifications notifications) {
        this.scope = scope;
        this.rules = rules;
        this.conditions = conditions;
        this.zones = zones;
        this.notifications = notifications;
    }

    /** The number of notifications raised (an alert already raised in its period counts 0). */
    public int evaluate(TenantId tenant, Instant now) {
        return scope.write(tenant, () -> {
            ZoneId zone = zones.zone(tenant.value());
            int raised = 0;
            for (AlertRule rule : rules.enabled(tenant.value())) {
                raised += switch (rule.alertKind()) {
                    case LLM_DAILY_COST -> dailyCost(tenant, rule, zone, now);
                    case LLM_FAILURE_RATE -> failureRate(tenant, rule, zone, now);
                    case HANDOFF_WAITING -> handoffs(tenant, rule, zone, now);
                    case CREDENTIALS_REJECTED -> 0;
                };
            }
            return raised;
        });
    }

    private int dailyCost(TenantId tenant, AlertRule rule, ZoneId zone, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, zone);
        Instant start = day.atStartOfDay(zone).toInstant();
        long cost = conditions.llmCostMicros(tenant.value(), start, now);
        if (cost <= rule.costMicros()) {
            return 0;
        }
        return raise(tenant, AlertTexts.dailyCost(rule, day, zone, cost));
    }

    /** The window is the last {@code windowMinutes} before now; its period is the slot now falls in. */
    private int failureRate(TenantId tenant, AlertRule rule, ZoneId zone, Instant now) {
        long windowSeconds = rule.windowMinutes() * 60L;
        Instant slot = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), windowSeconds) * windowSeconds);
        Instant from = now.minusSeconds(windowSeconds);
        AlertConditions.Calls calls = conditions.llmCalls(tenant.value(), from, now);
        if (calls.total() < rule.minCalls() || calls.failed() * 100 <= (long) rule.failurePercent() * calls.total()) {
            return 0;
        }
        return raise(tenant, AlertTexts.failureRate(rule, calls, from, now, zone, slot));
    }

    private int handoffs(TenantId tenant, AlertRule rule, ZoneId zone, Instant now) {
        Instant waitedSince = now.minus(Duration.ofMinutes(rule.waitMinutes()));
        int raised = 0;
        for (AlertConditions.WaitingHandoff handoff : conditions.unansweredHandoffs(tenant.value(),
                waitedSince.minus(HANDOFF_LOOKBACK), waitedSince)) {
            raised += raise(tenant, AlertTexts.handoffWaiting(rule, handoff, zone));
        }
        return raised;
    }

    private int raise(TenantId tenant, io.parley.core.notification.NotificationDraft draft) {
        return notifications.raise(tenant, draft).isPresent() ? 1 : 0;
    }
}
