package io.parley.worker.turn;

import io.parley.core.bot.BotRow;
import io.parley.core.notification.NotificationDraft;
import io.parley.core.notification.NotificationDraft.Severity;
import io.parley.core.notification.Notifications;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The tenant's plan quota is used up (docs/billing.md#plan-quota-exhausted): the contact's text and the owners' and
 * admins' notification, raised once per quota and month (a second raise in the month inserts nothing).
 */
@Singleton
final class QuotaReply {

    static final String DEFAULT_EN = "Sorry, this assistant has reached its message limit for now. Please try again "
            + "later.";
    static final String DEFAULT_ZH_HANT = "抱歉，這個助理目前已達訊息上限，請稍後再試。";
    static final String DEFAULT_ZH_HANS = "抱歉，这个助理目前已达消息上限，请稍后再试。";

    enum Quota {
        MESSAGES("messages", "answered messages"), LLM_BUDGET("llm-budget", "LLM budget");

        final String key;
        final String words;

        Quota(String key, String words) {
            this.key = key;
            this.words = words;
        }
    }

    private final TenantScope scope;
    private final Notifications notifications;

    QuotaReply(TenantScope scope, Notifications notifications) {
        this.scope = scope;
        this.notifications = notifications;
    }

    /** The bot's quota message, or a default in the bot's language (its output conversion tells Chinese bots). */
    static String text(BotRow bot) {
        if (bot.quotaMessage() != null && !bot.quotaMessage().isBlank()) {
            return bot.quotaMessage();
        }
        return switch (bot.outputConversion()) {
            case "zh-Hant", "zh-Hant-TW" -> DEFAULT_ZH_HANT;
            case "zh-Hans" -> DEFAULT_ZH_HANS;
            default -> DEFAULT_EN;
        };
    }

    void notifyMembers(TenantId tenant, Quota quota, Instant until) {
        String month = YearMonth.from(until.minusSeconds(1).atZone(ZoneOffset.UTC)).toString();
        scope.write(tenant, () -> notifications.raise(tenant, new NotificationDraft("billing.quota.exhausted",
                Severity.CRITICAL, Role.ADMIN, "Plan quota used up: " + quota.words,
                "Your plan's " + quota.words + " for " + month + " (UTC) are used up"
                        + (quota == Quota.LLM_BUDGET ? " (flows still answer)" : "")
                        + ". Contacts get your bots' quota message until " + until + ". Upgrade on the Billing page "
                        + "to answer them again.",
                Map.of("quota", quota.key, "period", month, "until", until.toString()), "/billing",
                "quota:" + quota.key + ":" + month)));
    }
}
