package io.parley.worker.outbound;

import io.parley.core.alert.CredentialAlerts;
import io.parley.core.channel.ChannelRepository;
import io.parley.core.channel.ChannelRow;
import io.parley.core.events.TenantEvents;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;

/**
 * A provider refused a channel's credentials (WhatsApp 190, LINE 401, Telegram 401), on a live send or a broadcast:
 * the channel is marked unhealthy with the provider's reason, a {@code channel.unhealthy} tenant event is published
 * and the tenant's {@code credentials_rejected} alert rules fire ({@link CredentialAlerts}), in one transaction.
 */
@Singleton
public final class ChannelRejections {

    private final TenantScope scope;
    private final ChannelRepository channels;
    private final TenantEvents events;
    private final CredentialAlerts alerts;

    ChannelRejections(TenantScope scope, ChannelRepository channels, TenantEvents events, CredentialAlerts alerts) {
        this.scope = scope;
        this.channels = channels;
        this.events = events;
        this.alerts = alerts;
    }

    /** {@code detail} is the provider's reason, safe to show (never a credential). */
    public void record(TenantId tenant, ChannelRow channel, String detail) {
        scope.writeVoid(tenant, () -> {
            channels.markUnhealthy(tenant.value(), channel.id(), detail);
            events.publish(tenant, "channel.unhealthy", Map.of("channelId", channel.id().toString(),
                    "botId", channel.botId().toString(), "type", channel.type(), "detail", detail));
            alerts.channelRejected(tenant, channel.botId(), channel.id(), channel.type(),
                    channel.name() == null ? channel.type() : channel.name(), detail, Instant.now());
        });
    }
}
