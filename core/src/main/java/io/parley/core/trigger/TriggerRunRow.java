package io.parley.core.trigger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * One firing of a proactive trigger for one contact (V115 {@code trigger_runs}): unique per flow, contact and
 * occurrence. {@code channelId}/{@code externalUserId}: where it is sent (null when the contact has no identity on
 * the bot's channels: then it is skipped at once).
 */
@MappedEntity("trigger_runs")
public record TriggerRunRow(UUID tenantId, @Id UUID id, UUID flowId, UUID botId, UUID contactId, String triggerType,
                            String occurrence, @Nullable UUID channelId, @Nullable String externalUserId,
                            String status, @Nullable String reason, @Nullable UUID messageId, Instant createdAt,
                            @Nullable Instant finishedAt) {

    public static final String QUEUED = "queued";
    public static final String SENT = "sent";
    public static final String SKIPPED = "skipped";
    public static final String FAILED = "failed";
}
