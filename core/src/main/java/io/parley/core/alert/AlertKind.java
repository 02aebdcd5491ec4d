package io.parley.core.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an alert rule watches (docs/notifications.md "Alert rules"); its wire name is stored in alert_rules.kind. */
public enum AlertKind {
    /** The day's LLM cost, in the tenant's time zone, above {@code costMicros}. */
    LLM_DAILY_COST,
    /** Failed LLM calls above {@code failurePercent} of the last {@code windowMinutes}, with at least {@code minCalls}. */
    LLM_FAILURE_RATE,
    /** A hand-off to a person without an agent's reply for longer than {@code waitMinutes}. */
    HANDOFF_WAITING,
    /** A provider refused the tenant's credentials: a channel send (LINE 401, WhatsApp 190, Telegram 401) or the LLM (401). */
    CREDENTIALS_REJECTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The notification kind it raises, e.g. {@code alert.llm_daily_cost}. */
    public String notificationKind() {
        return "alert." + wireName();
    }

    public static Optional<AlertKind> parse(String wire) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(wire)).findFirst();
    }
}
