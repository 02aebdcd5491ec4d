package io.parley.api.trigger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.trigger.TriggerRunView;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of /api/v1/bots/{botId}/flows/{flowId}/runs. */
final class TriggerRunWire {

    private TriggerRunWire() {
    }

    @Serdeable
    @Schema(name = "TriggerRun", description = """
            One firing of a proactive trigger for one contact; unique per flow, contact and occurrence. `status`: \
            `queued` (its job will run), `sent` (its messages were queued for the channel; `delivery` follows \
            them), `skipped` (`reason`: opted_out, blocked, taken_over, bot_paused, no_channel, quota, budget, \
            condition, nothing_to_send, flow_disabled) or `failed` (`reason`, e.g. `llm_failed: timeout`).""")
    record TriggerRunResponse(
            @Schema(requiredMode = REQUIRED) String id,
            @Schema(requiredMode = REQUIRED) String flowId,
            @Schema(requiredMode = REQUIRED) String contactId,
            @Schema(requiredMode = REQUIRED, allowableValues = {"setup_submitted", "contact_created", "inactive",
                    "schedule"}) String triggerType,
            @Schema(requiredMode = REQUIRED, description = "once; inactive:<conversation>:<spell>; "
                    + "schedule:<instant>", example = "schedule:2026-12-24T01:00:00Z") String occurrence,
            @Nullable String channelId,
            @Schema(requiredMode = REQUIRED, allowableValues = {"queued", "sent", "skipped", "failed"}) String status,
            @Nullable String reason,
            @Nullable Delivery delivery,
            @Schema(requiredMode = REQUIRED) Instant createdAt,
            @Nullable Instant finishedAt) {

        static TriggerRunResponse of(TriggerRunView row) {
            return new TriggerRunResponse(row.id().toString(), row.flowId().toString(), row.contactId().toString(),
                    row.triggerType(), row.occurrence(), row.channelId() == null ? null : row.channelId().toString(),
                    row.status(), row.reason(), row.messageId() == null ? null
                    : new Delivery(row.messageId().toString(), row.deliveryStatus(), row.deliveryDetail()),
                    row.createdAt(), row.finishedAt());
        }
    }

    @Serdeable
    @Schema(name = "TriggerRunDelivery", description = "The run's first message and how far it got; `detail` is the "
            + "provider's reason for a failure (e.g. WhatsApp 131047: outside the 24-hour window).")
    record Delivery(@Schema(requiredMode = REQUIRED) String messageId,
                    @Nullable @Schema(allowableValues = {"queued", "sent", "delivered", "read", "failed"}) String status,
                    @Nullable String detail) {
    }
}
