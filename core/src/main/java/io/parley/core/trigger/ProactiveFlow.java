package io.parley.core.trigger;

import io.micronaut.core.annotation.Introspected;

import java.time.Instant;
import java.util.UUID;

/** An enabled flow with a proactive trigger, as the trigger code reads it ({@code trigger} is its JSON). */
@Introspected
public record ProactiveFlow(UUID tenantId, UUID id, UUID botId, String triggerType, String trigger,
                            Instant createdAt) {
}
