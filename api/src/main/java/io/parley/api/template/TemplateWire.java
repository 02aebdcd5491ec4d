package io.parley.api.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Wire types of /api/v1/bots/{botId}/templates. A new template's components follow Meta's structure (upper case
 * types HEADER, BODY, FOOTER, BUTTONS) with the API's camelCase keys ({@code example.bodyText},
 * {@code phoneNumber}); {@link MetaComponents} writes them in Meta's snake_case for the Graph API. Parley checks them
 * before they leave ({@link TemplateRules}).
 */
final class TemplateWire {

    private TemplateWire() {
    }

    @Serdeable
    @Schema(name = "WhatsAppTemplate")
    record TemplateResponse(
            @Schema(requiredMode = REQUIRED) String id,
            @Schema(requiredMode = REQUIRED, description = "The WhatsApp channel whose Business Account holds it")
            String channelId,
            @Nullable @Schema(description = "Meta's template id; null until Meta accepted the submission")
            String metaId,
            @Schema(requiredMode = REQUIRED, example = "order_update") String name,
            @Schema(requiredMode = REQUIRED, example = "en_US") String language,
            @Schema(requiredMode = REQUIRED, example = "UTILITY") String category,
            @Schema(requiredMode = REQUIRED, description = "As Meta reports it: APPROVED, PENDING, REJECTED, PAUSED, "
                    + "DISABLED, …", example = "APPROVED") String status,
            @Nullable @Schema(description = "Why Meta rejected or paused it", example = "INVALID_FORMAT")
            String rejectionReason,
            @Schema(requiredMode = REQUIRED, description = "Meta's components array as Meta returns it")
            List<Map<String, Object>> components,
            @Nullable @Schema(description = "When it was last read from Meta") Instant syncedAt,
            @Schema(requiredMode = REQUIRED) Instant updatedAt) {
    }

    @Serdeable
    @Schema(name = "WhatsAppTemplateList")
    record TemplateList(@Schema(requiredMode = REQUIRED) List<TemplateResponse> items) {
    }

    @Serdeable
    @Schema(name = "WhatsAppTemplateSync")
    record SyncResponse(
            @Schema(requiredMode = REQUIRED, description = "Templates read from Meta, over all pages") int synced,
            @Schema(requiredMode = REQUIRED, description = "Templates no longer in Meta's list, removed here")
            int removed,
            @Schema(requiredMode = REQUIRED, description = "The WhatsApp channels synced") List<String> channelIds) {
    }

    @Serdeable
    @Schema(name = "SyncWhatsAppTemplatesRequest")
    record SyncRequest(@Nullable @Schema(description = "One channel only; every WhatsApp channel of the bot when "
            + "left out") String channelId) {
    }

    @Serdeable
    @Schema(name = "CreateWhatsAppTemplateRequest", description = "Submitted to Meta for review at once; it starts "
            + "PENDING and a status webhook (or a sync) tells the outcome.")
    record CreateRequest(
            @Nullable @Schema(description = "The WhatsApp channel; may be left out when the bot has exactly one")
            String channelId,
            @NotBlank @Schema(description = "Lower case letters, digits and _, at most 512", example = "order_update")
            String name,
            @NotBlank @Schema(description = "Meta's language code", example = "en_US") String language,
            @NotBlank @Schema(type = "string", allowableValues = {"MARKETING", "UTILITY"}, example = "UTILITY")
            String category,
            @NotNull @Size(min = 1, max = 4) @Valid List<Component> components) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WhatsAppTemplateComponent", description = "HEADER (format TEXT, IMAGE, VIDEO or DOCUMENT), BODY "
            + "(text with {{1}}, {{2}}, … and example.bodyText), FOOTER (text) or BUTTONS (buttons)")
    record Component(
            @NotBlank @Schema(type = "string", allowableValues = {"HEADER", "BODY", "FOOTER", "BUTTONS"}) String type,
            @Nullable @Schema(type = "string", allowableValues = {"TEXT", "IMAGE", "VIDEO", "DOCUMENT"}) String format,
            @Nullable @Schema(example = "Your order {{1}} is on its way") String text,
            @Nullable @Valid Example example,
            @Nullable @Valid List<Button> buttons) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WhatsAppTemplateExample", description = "Sample values Meta's reviewers see (sent to Meta as "
            + "header_text, header_handle and body_text)")
    record Example(
            @Nullable @Schema(description = "One value for a TEXT header's variable") List<String> headerText,
            @Nullable @Schema(description = "A media handle from Meta's resumable upload") List<String> headerHandle,
            @Nullable @Schema(description = "One list with a value per body variable") List<List<String>> bodyText) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WhatsAppTemplateButton", description = "QUICK_REPLY (text), URL (text, url with at most one "
            + "variable at its end, example: one sample value) or PHONE_NUMBER (text, phoneNumber such as +15550001234)")
    record Button(
            @NotBlank @Schema(type = "string", allowableValues = {"QUICK_REPLY", "URL", "PHONE_NUMBER"}) String type,
            @Nullable @Schema(example = "Track it") String text,
            @Nullable @Schema(example = "https://shop.example.com/track/{{1}}") String url,
            @Nullable @Schema(example = "+15550001234") String phoneNumber,
            @Nullable @Schema(description = "URL buttons with {{1}}: one sample value") List<String> example) {
    }

    @Serdeable
    @Schema(name = "WhatsAppWindowFallback", description = "The template a WhatsApp channel sends instead of a "
            + "free-form message outside the 24-hour customer-service window (WhatsApp error 131047)")
    record WindowFallback(
            @Schema(requiredMode = REQUIRED) String channelId,
            @Schema(requiredMode = REQUIRED, example = "conversation_resume_v1") String templateName,
            @Schema(requiredMode = REQUIRED, example = "en_US") String language,
            @Schema(requiredMode = REQUIRED, description = "One value per {{n}} of the template's body, in order",
                    example = "[\"{{contact.displayName}}\"]") List<String> bodyVariables,
            @Schema(requiredMode = REQUIRED) Instant updatedAt) {
    }

    @Serdeable
    @Schema(name = "PutWhatsAppWindowFallbackRequest")
    record WindowFallbackRequest(
            @NotBlank @Size(max = 512) @Schema(example = "conversation_resume_v1") String templateName,
            @NotBlank @Size(max = 15) @Schema(example = "en_US") String language,
            @NotNull @Size(max = 20) @Schema(description = "One value per {{n}} of the template's body, in order; "
                    + "placeholders {{contact.displayName}}, {{contact.tier}}, {{contact.attributes.<key>}}, "
                    + "{{bot.name}} and {{message.text}} (the refused message)",
                    example = "[\"{{contact.displayName}}\"]") List<@NotNull @Size(max = 1024) String> bodyVariables) {
    }
}
