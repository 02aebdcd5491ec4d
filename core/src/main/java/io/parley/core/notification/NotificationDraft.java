package io.parley.core.notification;

import io.parley.core.tenancy.Role;

import java.util.Map;
import java.util.Objects;

/**
 * A notification to raise ({@link Notifications#raise}).
 *
 * @param kind     what happened, e.g. {@code billing.budget.threshold}; the dashboard translates
 *                 {@code notification.<kind>} with {@code params}, and shows {@code title}/{@code body} for kinds it
 *                 does not know
 * @param minRole  the least role that sees it and gets it by email: {@link Role#ADMIN} for billing (owners and
 *                 admins), {@link Role#AGENT} for hand-offs (everyone who can answer)
 * @param title    English, one line; the email's subject
 * @param body     English: what happened and how to act; the email's text
 * @param params   the values in title and body, for the dashboard's own translation; never a secret
 * @param link     the dashboard path where one acts, e.g. {@code /billing}, or null
 * @param dedupKey once per condition and period: a second raise with the same key (per tenant) does nothing,
 *                 e.g. {@code budget:tenant:monthly:2026-12:80}
 */
public record NotificationDraft(String kind, Severity severity, Role minRole, String title, String body,
                                Map<String, String> params, String link, String dedupKey) {

    public enum Severity {
        INFO, WARNING, CRITICAL;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public NotificationDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(minRole, "minRole");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(dedupKey, "dedupKey");
        params = params == null ? Map.of() : Map.copyOf(params);
        if (link != null && !link.startsWith("/")) {
            throw new IllegalArgumentException("link must be a dashboard path starting with /");
        }
    }
}
