package io.parley.core.alert;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.analytics.TenantZoneRepository;
import io.parley.core.notification.NotificationDraft;
import io.parley.core.notification.Notifications;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code credentials_rejected} rules fire on the event itself, from the job that saw it: an outbound send the
 * provider refused for its credentials (LINE 401, WhatsApp 190, Telegram 401), or an LLM call answered 401. Once
 * per rule, channel or bot, and day in the tenant's time zone. Call inside the tenant's write scope, in the
 * transaction that records the rejection (the channel marked unhealthy).
 */
@Singleton
public final class CredentialAlerts {

    private final AlertRuleRepository rules;
    private final TenantZoneRepository zones;
    private final Notifications notifications;

    CredentialAlerts(AlertRuleRepository rules, TenantZoneRepository zones, Notifications notifications) {
        this.rules = rules;
        this.zones = zones;
        this.notifications = notifications;
    }

    /** A channel's provider refused its credentials; {@code detail} is the provider's reason, safe to show. */
    public void channelRejected(TenantId tenant, UUID botId, UUID channelId, String channelType, String channelName,
                                @Nullable String detail, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, zones.zone(tenant.value()));
        for (AlertRule rule : rules.enabled(tenant.value(), AlertKind.CREDENTIALS_REJECTED.wireName())) {
            raise(tenant, AlertTexts.channelRejected(rule, day, botId, channelId, channelType, channelName, detail));
        }
    }

    /** The LLM provider answered 401 for the bot's key. */
    public void llmRejected(TenantId tenant, UUID botId, String botName, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, zones.zone(tenant.value()));
        for (AlertRule rule : rules.enabled(tenant.value(), AlertKind.CREDENTIALS_REJECTED.wireName())) {
            raise(tenant, AlertTexts.llmRejected(rule, day, botId, botName));
        }
    }

    private void raise(TenantId tenant, NotificationDraft draft) {
        notifications.raise(tenant, draft);
    }
}
