package io.parley.api.broadcast;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of POST /api/v1/broadcasts/estimate: reach and cost of a draft before it is sent. */
final class EstimateWire {

    private EstimateWire() {
    }

    @Serdeable
    @Schema(name = "BroadcastEstimateRequest")
    record Request(@NotBlank @Schema(requiredMode = REQUIRED) String segmentId,
                   @NotEmpty @Size(max = 20) @Schema(requiredMode = REQUIRED) List<String> channelIds,
                   @Nullable @Valid @Schema(description = "The WhatsApp template to be sent, for its price category")
                   TemplateRef template) {
    }

    @Serdeable
    @Schema(name = "BroadcastEstimateTemplate")
    record TemplateRef(@NotBlank @Size(max = 512) @Schema(requiredMode = REQUIRED) String name,
                       @NotBlank @Size(max = 15) @Schema(requiredMode = REQUIRED) String language) {
    }

    @Serdeable
    @Schema(name = "BroadcastEstimate")
    record Estimate(@Schema(requiredMode = REQUIRED, description = "Contacts it would reach now") long recipients,
                    @Schema(requiredMode = REQUIRED, description = "Contacts of the segment left out: opted out or "
                            + "unfollowed on every chosen channel") long optedOut,
                    @Schema(requiredMode = REQUIRED) List<ChannelEstimate> channels,
                    @Nullable @Schema(description = "The WhatsApp channels' cost together; absent without one")
                    Money whatsappCost) {
    }

    @Serdeable
    @Schema(name = "BroadcastChannelEstimate")
    record ChannelEstimate(@Schema(requiredMode = REQUIRED) String channelId,
                           @Schema(requiredMode = REQUIRED, type = "string",
                                   allowableValues = {"line", "whatsapp", "telegram"}) String type,
                           @Schema(requiredMode = REQUIRED) String name,
                           @Schema(requiredMode = REQUIRED, description = "Contacts reached on this channel (each "
                                   + "contact on the first chosen channel it can be reached on)") long recipients,
                           @Nullable @Schema(description = "WhatsApp only") Cost cost,
                           @Nullable @Schema(description = "LINE only, when LINE answered") LineQuota lineQuota,
                           @Nullable @Schema(description = "LINE only: why the quota could not be read")
                           String lineQuotaError,
                           @Schema(requiredMode = REQUIRED, description = "LINE: more recipients than the monthly "
                                   + "quota has left (sending is refused)") boolean exceedsQuota) {
    }

    @Serdeable
    @Schema(name = "BroadcastCost")
    record Cost(@Schema(requiredMode = REQUIRED, description = "marketing, utility, authentication, or service (not a "
                        + "template: free, only within 24 hours of the contact's last message)") String category,
                @Schema(requiredMode = REQUIRED, description = "True when the template is not synced and the "
                        + "dearest category (marketing) was assumed") boolean categoryAssumed,
                @Schema(requiredMode = REQUIRED) String currency,
                @Schema(requiredMode = REQUIRED) BigDecimal unitPrice,
                @Schema(requiredMode = REQUIRED) BigDecimal total) {
    }

    @Serdeable
    @Schema(name = "BroadcastMoney")
    record Money(@Schema(requiredMode = REQUIRED) String currency,
                 @Schema(requiredMode = REQUIRED) BigDecimal amount) {
    }

    @Serdeable
    @Schema(name = "LineQuota")
    record LineQuota(@Schema(requiredMode = REQUIRED, description = "False when the channel has no monthly limit")
                     boolean limited,
                     @Nullable Long limit,
                     @Schema(requiredMode = REQUIRED, description = "Messages sent this month") long used,
                     @Nullable @Schema(description = "What is left this month; absent when unlimited")
                     Long remaining) {
    }
}
