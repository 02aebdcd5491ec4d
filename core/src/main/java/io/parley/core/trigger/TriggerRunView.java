package io.parley.core.trigger;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A run as the API lists it: the run, and the delivery of its first message ({@code deliveryStatus} queued, sent,
 * delivered, read or failed, with the provider's reason in {@code deliveryDetail}, e.g. WhatsApp 131047 outside the
 * 24-hour window).
 */
@Introspected
public record TriggerRunView(UUID id, UUID flowId, UUID contactId, String triggerType, String occurrence,
                             @Nullable UUID channelId, String status, @Nullable String reason,
                             @Nullable UUID messageId, @Nullable String deliveryStatus,
                             @Nullable String deliveryDetail, Instant createdAt, @Nullable Instant finishedAt) {
}
