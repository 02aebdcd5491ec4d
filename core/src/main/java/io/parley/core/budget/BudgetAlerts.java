package io.parley.core.budget;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.notification.NotificationDraft;
import io.parley.core.notification.NotificationDraft.Severity;
import io.parley.core.notification.Notifications;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Budget notifications to owners and admins, once per threshold per period (the dedup key names the budget, the
 * period and the threshold): {@code billing.budget.threshold} when the spend reaches a threshold, and
 * {@code billing.budget.capped} when a hard cap stops a call. Only the highest threshold reached is raised: a spend
 * that jumps from 40 % to 100 % says 100 %, and the lower ones never follow (spend only grows in a period).
 */
@Singleton
final class BudgetAlerts {

    private final Notifications notifications;

    BudgetAlerts(Notifications notifications) {
        this.notifications = notifications;
    }

    void thresholds(TenantId tenant, LlmBudget budget, LlmBudget.Period period, String periodKey, long spent,
                    long limit, String botName) {
        Integer reached = budget.thresholds().stream()
                .filter(threshold -> BigDecimal.valueOf(spent).multiply(BigDecimal.valueOf(100))
                        .compareTo(BigDecimal.valueOf(limit).multiply(BigDecimal.valueOf(threshold))) >= 0)
                .max(Integer::compare).orElse(null);
        if (reached == null) {
            return;
        }
        Map<String, String> params = params(budget, period, spent, limit, botName);
        params.put("percent", reached.toString());
        String what = subject(budget, period, botName);
        String title = what + ": " + reached + " % used";
        String body = what + ": " + dollars(spent) + " of " + dollars(limit) + " used this " + noun(period)
                + " (UTC). " + (budget.hardCap() ? atCap(budget) : "No hard cap is set: the bot keeps answering.")
                + " Change the budget on the " + (budget.botId() == null ? "Billing page" : "bot's page") + ".";
        Severity severity = reached >= 100 ? Severity.CRITICAL : reached >= 80 ? Severity.WARNING : Severity.INFO;
        notifications.raise(tenant, new NotificationDraft("billing.budget.threshold", severity, Role.ADMIN,
                title, body, params, link(budget),
                "budget:" + budget.scope() + ":" + period.wireName() + ":" + periodKey + ":" + reached));
    }

    void capped(TenantId tenant, LlmBudget budget, LlmBudget.Period period, String periodKey, long spent, long limit,
                String botName) {
        String what = subject(budget, period, botName);
        notifications.raise(tenant, new NotificationDraft("billing.budget.capped", Severity.CRITICAL, Role.ADMIN,
                what + " reached: LLM calls stopped",
                what + ": " + dollars(spent) + " of " + dollars(limit) + " used this " + noun(period) + " (UTC). "
                        + atCap(budget) + " Raise the budget on the "
                        + (budget.botId() == null ? "Billing page" : "bot's page") + " to answer with the LLM again.",
                params(budget, period, spent, limit, botName), link(budget),
                "budget-cap:" + budget.scope() + ":" + period.wireName() + ":" + periodKey));
    }

    private static Map<String, String> params(LlmBudget budget, LlmBudget.Period period, long spent, long limit,
                                              @Nullable String botName) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("scope", budget.botId() == null ? "tenant" : "bot");
        if (budget.botId() != null) {
            params.put("botId", budget.botId().toString());
            params.put("botName", botName);
        }
        params.put("period", period.wireName());
        params.put("spent", dollars(spent));
        params.put("limit", dollars(limit));
        params.put("atCap", budget.atCap().wireName());
        return params;
    }

    private static String subject(LlmBudget budget, LlmBudget.Period period, String botName) {
        String which = period == LlmBudget.Period.MONTHLY ? "Monthly" : "Daily";
        return budget.botId() == null ? which + " LLM budget" : which + " LLM budget of bot " + botName;
    }

    private static String atCap(LlmBudget budget) {
        return switch (budget.atCap()) {
            case MESSAGE -> "At the limit the bot answers with its budget message.";
            case CHEAPER_MODEL -> "At the limit the bot answers with the cheaper model " + budget.capModel() + ".";
            case FLOWS_ONLY -> "At the limit only flows answer; other messages get the bot's fallback message.";
        };
    }

    private static String noun(LlmBudget.Period period) {
        return period == LlmBudget.Period.MONTHLY ? "month" : "day";
    }

    private static String link(LlmBudget budget) {
        return budget.botId() == null ? "/billing" : "/bots/" + budget.botId();
    }

    /** Micro-USD as dollars with cents, e.g. 8000000 → "$8.00". */
    static String dollars(long micros) {
        return "$" + BigDecimal.valueOf(micros).movePointLeft(6).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
