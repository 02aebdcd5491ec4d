package io.parley.core.alert;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.notification.NotificationDraft;
import io.parley.core.notification.NotificationDraft.Severity;
import io.parley.core.tenancy.Role;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The notifications an alert raises: English title and body saying what happened and how to act (the email's text
 * and the bell's fallback), and the params the dashboard puts into its own translation of {@code alert.<kind>}
 * (English and zh-Hant in pages/notifications/messages.ts). Never a secret.
 */
final class AlertTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private AlertTexts() {
    }

    static NotificationDraft dailyCost(AlertRule rule, LocalDate day, ZoneId zone, long costMicros) {
        String cost = money(costMicros);
        String limit = money(rule.costMicros());
        return new NotificationDraft(AlertKind.LLM_DAILY_COST.notificationKind(), Severity.WARNING, Role.ADMIN,
                "LLM cost today passed " + limit + " USD",
                "Your bots' LLM calls cost " + cost + " USD today (" + day + ", " + zone.getId() + "), above this "
                        + "alert's " + limit + " USD. To act: see which bots and contacts cost most on the Analytics "
                        + "page, set a daily budget with a hard cap under Billing, or choose a cheaper model for the "
                        + "busiest bot.",
                params("cost", cost, "limit", limit, "day", day.toString()), "/analytics",
                "alert:" + rule.id() + ":" + day);
    }

    /** {@code slot}: the start of the {@code windowMinutes} slot the evaluation fell in, the alert's period. */
    static NotificationDraft failureRate(AlertRule rule, AlertConditions.Calls calls, Instant from, Instant to,
                                         ZoneId zone, Instant slot) {
        long percent = calls.failed() * 100 / calls.total();
        String window = TIME.format(from.atZone(zone)) + "–" + TIME.format(to.atZone(zone));
        return new NotificationDraft(AlertKind.LLM_FAILURE_RATE.notificationKind(), Severity.CRITICAL, Role.ADMIN,
                "LLM failures at " + percent + " % in the last " + rule.windowMinutes() + " minutes",
                calls.failed() + " of " + calls.total() + " LLM calls failed between " + window + " ("
                        + zone.getId() + "): timeouts, errors, rate limits or an open circuit, above this alert's "
                        + rule.failurePercent() + " %. Contacts got the bot's fallback message instead of an answer. "
                        + "To act: check the LLM provider's status and your key's rate limits and credit, the bot's "
                        + "LLM timeout, and the calls by outcome on the Analytics page.",
                params("percent", Long.toString(percent), "failed", Long.toString(calls.failed()),
                        "calls", Long.toString(calls.total()), "limit", Integer.toString(rule.failurePercent()),
                        "minutes", Integer.toString(rule.windowMinutes())), "/analytics",
                "alert:" + rule.id() + ":" + slot);
    }

    static NotificationDraft handoffWaiting(AlertRule rule, AlertConditions.WaitingHandoff handoff, ZoneId zone) {
        String since = TIME.format(handoff.at().atZone(zone));
        return new NotificationDraft(AlertKind.HANDOFF_WAITING.notificationKind(), Severity.WARNING, Role.AGENT,
                "A contact has waited over " + rule.waitMinutes() + " minutes for a person",
                "A conversation was handed to a person at " + since + " (" + zone.getId() + ") and no one has "
                        + "replied yet. To act: open the conversation in the Inbox and answer, or take it over.",
                params("minutes", Integer.toString(rule.waitMinutes()), "since", since),
                "/inbox/" + handoff.conversationId(), "alert:" + rule.id() + ":handoff:" + handoff.id());
    }

    static NotificationDraft channelRejected(AlertRule rule, LocalDate day, UUID botId, UUID channelId, String type,
                                             String channelName, @Nullable String detail) {
        String provider = provider(type);
        channelName = shorten(channelName);
        return new NotificationDraft(AlertKind.CREDENTIALS_REJECTED.notificationKind(), Severity.CRITICAL, Role.ADMIN,
                provider + " rejected the credentials of channel " + channelName,
                provider + " refused the credentials of channel " + channelName
                        + (detail == null ? "" : " (" + detail + ")") + ": the bot's messages on it are not sent. "
                        + "To act: create a new access token in " + provider + "'s console, save it on the channel "
                        + "(Bots → the bot → Channels) and verify it.",
                params("provider", provider, "channelName", channelName), "/bots/" + botId,
                "alert:" + rule.id() + ":" + day + ":channel:" + channelId);
    }

    static NotificationDraft llmRejected(AlertRule rule, LocalDate day, UUID botId, String botName) {
        botName = shorten(botName);
        return new NotificationDraft(AlertKind.CREDENTIALS_REJECTED.notificationKind(), Severity.CRITICAL, Role.ADMIN,
                "The LLM provider rejected the API key of bot " + botName,
                "The LLM provider answered 401 (unauthorized) for bot " + botName + ": contacts get the bot's "
                        + "fallback message instead of an answer. To act: save a valid API key in the bot's LLM "
                        + "settings (Bots → the bot → LLM); if the bot uses the platform's key, tell the operator.",
                params("provider", "LLM", "botName", botName), "/bots/" + botId,
                "alert:" + rule.id() + ":" + day + ":llm:" + botId);
    }

    /** Micro-units as money with two decimals, rounded half up. */
    static String money(long micros) {
        return BigDecimal.valueOf(micros).movePointLeft(6).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Names stay short enough for the notification's 200-character title. */
    private static String shorten(String name) {
        return name.length() <= 80 ? name : name.substring(0, 79) + "…";
    }

    private static String provider(String channelType) {
        return switch (channelType) {
            case "line" -> "LINE";
            case "whatsapp" -> "WhatsApp";
            case "telegram" -> "Telegram";
            default -> channelType;
        };
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }
}
