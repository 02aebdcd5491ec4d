package io.parley.core.webpush;

import io.micronaut.context.BeanProvider;
import io.parley.core.queue.JobRequest;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Web Push to members' browsers (docs/notifications.md#web-push): the VAPID public key browsers subscribe with,
 * and the push jobs of a notification ({@link WebPushHandler}, one per subscription, so a retry for one browser
 * never pushes to the others twice).
 */
@Singleton
public final class WebPush {

    private final WebPushSettings settings;
    private final PushSubscriptions subscriptions;
    private final BeanProvider<VapidKeyStore> keys;

    WebPush(WebPushSettings settings, PushSubscriptions subscriptions, BeanProvider<VapidKeyStore> keys) {
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.keys = keys; // looked up on use: the migration Job has no SecretBox, and raises no notification
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The VAPID public key (base64url, 65 bytes), what {@code PushManager.subscribe} takes; empty when off. */
    public Optional<String> publicKey() {
        return settings.enabled() ? Optional.of(keys.get().keys().publicKeyBase64()) : Optional.empty();
    }

    /**
     * The push jobs of notification {@code notification} for the subscriptions of the members whose role reaches
     * {@code minRole}; none when Web Push is off. Call inside the tenant's transaction that stores the notification.
     */
    public List<JobRequest> jobs(TenantId tenant, UUID notification, Role minRole) {
        if (!settings.enabled()) {
            return List.of();
        }
        return subscriptions.ofMembers(tenant, minRole).stream()
                .map(subscription -> WebPushHandler.job(notification, subscription)).toList();
    }
}
