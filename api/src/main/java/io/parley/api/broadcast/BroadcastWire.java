package io.parley.api.broadcast;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of /api/v1/broadcasts. */
final class BroadcastWire {

    private BroadcastWire() {
    }

    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

    @Serdeable
    @Schema(name = "BroadcastCreate")
    record BroadcastCreate(
            @NotBlank @Size(max = 100) @Schema(requiredMode = REQUIRED, example = "December sale") String name,
            @NotBlank @Schema(requiredMode = REQUIRED, description = "The segment whose contacts receive it")
            String segmentId,
            @NotEmpty @Size(max = 20) @Schema(requiredMode = REQUIRED, description = "LINE, WhatsApp or Telegram "
                    + "channels; a contact on several gets it once, on the first of these it can be reached on")
            List<String> channelIds,
            @NotNull @Valid @Schema(requiredMode = REQUIRED) Message message,
            @Nullable @Valid QuietHours quietHours) {
    }

    @Serdeable
    @Schema(name = "BroadcastMessage", description = "1–5 parts; LINE sends every part in one message, WhatsApp and "
            + "Telegram take one part (or, on WhatsApp, a template). Texts and template variables may use "
            + "{{contact.displayName}}, {{contact.tier}} and {{contact.attributes.<key>}}.")
    record Message(@NotNull @Size(min = 1, max = 5) @Valid @Schema(requiredMode = REQUIRED) List<Part> parts,
                   @Nullable @Valid Template template) {
    }

    @Serdeable
    @Schema(name = "BroadcastPart")
    record Part(@NotBlank @Schema(requiredMode = REQUIRED, type = "string",
                        allowableValues = {"text", "buttons", "image"}) String type,
                @Nullable @Size(max = 4096) String text,
                @Nullable @Size(max = 13) @Valid List<Button> buttons,
                @Nullable @Size(max = 2000) @Pattern(regexp = "https://.+") String imageUrl,
                @Nullable @Size(max = 2000) @Pattern(regexp = "https://.+") String previewUrl) {
    }

    @Serdeable
    @Schema(name = "BroadcastButton")
    record Button(@NotBlank @Size(max = 40) @Schema(requiredMode = REQUIRED) String label,
                  @NotBlank @Size(max = 300) @Schema(requiredMode = REQUIRED) String postback) {
    }

    @Serdeable
    @Schema(name = "BroadcastTemplate", description = "A WhatsApp message template, sent instead of the parts on "
            + "WhatsApp channels")
    record Template(@NotBlank @Size(max = 512) @Schema(requiredMode = REQUIRED) String name,
                    @NotBlank @Size(max = 15) @Schema(requiredMode = REQUIRED, example = "zh_TW") String language,
                    @Nullable @Size(max = 20) @Schema(description = "Body parameters {{1}}, {{2}}… in order")
                    List<@Size(max = 1024) String> bodyVariables) {
    }

    @Serdeable
    @Schema(name = "BroadcastQuietHours", description = "No sends from start to end (may cross midnight), in the "
            + "tenant's time zone (contacts have no time zone of their own)")
    record QuietHours(@NotNull @Pattern(regexp = TIME)
                      @Schema(requiredMode = REQUIRED, description = "HH:mm, e.g. 21:00") String start,
                      @NotNull @Pattern(regexp = TIME)
                      @Schema(requiredMode = REQUIRED, description = "HH:mm, e.g. 09:00") String end) {
    }

    @Serdeable
    @Schema(name = "BroadcastSend")
    record SendRequest(@Nullable @Schema(description = "When to start; now when left out") Instant scheduledAt) {
    }

    @Serdeable
    @Schema(name = "Broadcast")
    record BroadcastResponse(@Schema(requiredMode = REQUIRED) String id,
                             @Schema(requiredMode = REQUIRED) String name,
                             @Nullable String segmentId,
                             @Schema(requiredMode = REQUIRED) List<String> channelIds,
                             @Schema(requiredMode = REQUIRED) Message message,
                             @Nullable QuietHours quietHours,
                             @Schema(requiredMode = REQUIRED, type = "string", allowableValues = {"draft",
                                     "scheduled", "running", "paused", "completed", "cancelled"}) String state,
                             @Nullable @Schema(description = "Why it was paused (credentials rejected, quota)")
                             String stateReason,
                             @Nullable Instant scheduledAt,
                             @Nullable Instant startedAt,
                             @Nullable Instant finishedAt,
                             @Schema(requiredMode = REQUIRED) Stats stats,
                             @Schema(requiredMode = REQUIRED) Instant createdAt,
                             @Schema(requiredMode = REQUIRED) Instant updatedAt) {
    }

    @Serdeable
    @Schema(name = "BroadcastStats")
    record Stats(@Schema(requiredMode = REQUIRED, description = "Recipients planned") long planned,
                 @Schema(requiredMode = REQUIRED, description = "Contacts of the segment left out: opted out or "
                         + "unfollowed on every channel of the broadcast") long optedOut,
                 @Schema(requiredMode = REQUIRED, description = "Recipients per status") Map<String, Long> byStatus,
                 @Schema(requiredMode = REQUIRED, description = "Share of recipients done (neither queued nor "
                         + "sending), 0–100") int progressPercent) {
    }

    @Serdeable
    @Schema(name = "BroadcastRecipient")
    record Recipient(@Schema(requiredMode = REQUIRED) String id,
                     @Schema(requiredMode = REQUIRED) String contactId,
                     @Schema(requiredMode = REQUIRED) String channelId,
                     @Schema(requiredMode = REQUIRED) String externalUserId,
                     @Schema(requiredMode = REQUIRED, type = "string", allowableValues = {"queued", "sending", "sent",
                             "delivered", "read", "failed", "cancelled"}) String status,
                     @Nullable String reason,
                     @Nullable String providerMessageId,
                     @Nullable Instant sentAt,
                     @Schema(requiredMode = REQUIRED) Instant updatedAt) {
    }
}
