package io.parley.api.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of /api/v1/bots/{botId}/channels. Credentials go in, never come out: responses carry only hints. */
final class ChannelWire {

    static final String CREDENTIALS_DOC = """
            Write-only; the fields depend on `type`:
            * `line`: `channelSecret` and `channelAccessToken` (long-lived), from the LINE Developers console.
            * `whatsapp`: `phoneNumberId` (digits), `accessToken` (system-user token), `appSecret` (Meta app \
            secret, checks webhook signatures), optionally `businessAccountId` (the WhatsApp Business Account id, \
            digits; needed for message templates), optionally `messagesPerSecond` (1-1000: the number's \
            throughput when Meta raised it; the send governor's rate for this number, default \
            `parley.outbound.rates.whatsapp-per-second`) and optionally `verifyToken` (generated when absent) to paste \
            into Meta's webhook settings.
            * `telegram`: `botToken` from @BotFather, `<digits>:<characters>`.
            * `web`: none (`{}`).""";

    private ChannelWire() {
    }

    @Serdeable
    @Schema(name = "CreateChannelRequest")
    record CreateRequest(
            @NotBlank @Pattern(regexp = "line|whatsapp|telegram|web", message = "must be line, whatsapp, telegram or web")
            @Schema(type = "string", allowableValues = {"line", "whatsapp", "telegram", "web"}, example = "line")
            String type,
            @Nullable @Size(max = 100) @Schema(description = "A name for people; optional", example = "Lumi on LINE")
            String name,
            @Nullable @Schema(ref = "#/components/schemas/ChannelCredentials", description = CREDENTIALS_DOC, example = "{\"channelSecret\": "
                    + "\"0123456789abcdef0123456789abcdef\", \"channelAccessToken\": \"eyJhbGciOiJIUzI1NiJ9.x9Zq\"}")
            Map<String, Object> credentials) {

        @Override
        public String toString() {
            return "CreateChannelRequest[" + type + ", " + name + "]";
        }
    }

    @Serdeable
    @Schema(name = "UpdateChannelRequest", description = "Only the fields sent change. `credentials` replaces the "
            + "stored credentials as a whole (send every field of the type) and resets health to unverified; a "
            + "WhatsApp `verifyToken` left out keeps the current one.")
    record UpdateRequest(
            @Nullable @Size(max = 100) @Schema(description = "\"\" removes the name", example = "Lumi (main)")
            String name,
            @Nullable @Schema(ref = "#/components/schemas/ChannelCredentials", description = CREDENTIALS_DOC, example = "{\"botToken\": "
                    + "\"123456789:AAHfakeFAKEfakeFAKEfakeFAKEfake0001\"}") Map<String, Object> credentials,
            @Nullable @Valid WebSettingsWire.Patch web) {

        @Override
        public String toString() {
            return "UpdateChannelRequest[" + name + (credentials == null ? "" : ", credentials") + "]";
        }
    }

    @Serdeable
    @Schema(name = "CredentialHint", description = "What may be shown of a stored secret")
    record CredentialHint(@Schema(requiredMode = REQUIRED, example = "true") boolean set,
                          @Nullable @Schema(description = "Last 4 characters; null for short secrets", example = "…x9Zq")
                          String last4) {
    }

    @Serdeable
    @Schema(name = "Channel")
    record ChannelResponse(
            @Schema(requiredMode = REQUIRED, example = "01936f0e-8a4b-7c3d-9e2f-1a2b3c4d5e6f") String id,
            String botId,
            @Schema(requiredMode = REQUIRED,
                    type = "string", allowableValues = {"line", "whatsapp", "telegram", "web"}) String type,
            @Nullable String name,
            @Schema(requiredMode = REQUIRED,
                    description = "Paste into the provider's webhook settings (Telegram's is set by verify)",
                    example = "https://parley.example.com/webhooks/line/01936f0e-8a4b-7c3d-9e2f-1a2b3c4d5e6f")
            String webhookUrl,
            @Schema(requiredMode = REQUIRED,
                    description = "Per secret field: whether it is set and its last 4 characters; secrets are "
                    + "never returned", example = "{\"channelSecret\": {\"set\": true, \"last4\": \"…cdef\"}, "
                    + "\"channelAccessToken\": {\"set\": true, \"last4\": \"…x9Zq\"}}")
            Map<String, CredentialHint> credentials,
            @Nullable @Schema(description = "The provider's id of the account: LINE bot user id (learned on verify), "
                    + "WhatsApp phone number id, Telegram bot id", example = "Udeadbeefdeadbeefdeadbeefdeadbeef")
            String externalId,
            @Nullable @Schema(description = "WhatsApp only: the verify token to paste into Meta's webhook settings",
                    example = "Zr1kq3vC0h2b8mWd5xYtQe9nLs4uPa7o") String verifyToken,
            @Nullable @Schema(description = "Web only: the public key of the chat widget",
                    example = "pwk_3q2-7wEAAAD7zK0pZr1kq3vC0h2b8mWd") String widgetKey,
            @Nullable @Schema(description = "Web only: HTML to paste into the site",
                    example = "<script src=\"https://parley.example.com/widget.js\" "
                            + "data-parley-widget=\"pwk_3q2-7wEAAAD7zK0pZr1kq3vC0h2b8mWd\" async></script>")
            String embedSnippet,
            @Schema(requiredMode = REQUIRED,
                    type = "string", allowableValues = {"unverified", "healthy", "unhealthy"}) String health,
            @Nullable @Schema(description = "What the last verify found", example = "Connected to LINE bot Lumi (@123abcde)")
            String healthDetail,
            @Nullable @Schema(description = "When the credentials were last checked") Instant verifiedAt,
            Instant createdAt, Instant updatedAt,
            @Schema(requiredMode = REQUIRED,
                    description = "The hidden web chat channel of the dashboard's test chat (listed only with "
                    + "includeTest=true)") boolean testOnly,
            @Nullable WebSettingsWire.Settings web) {

        @Override
        public String toString() {
            return "ChannelResponse[" + id + ", " + type + "]";
        }
    }

    @Serdeable
    @Schema(name = "ChannelVerification")
    record VerifyResponse(
            @Schema(requiredMode = REQUIRED, type = "string", allowableValues = {"healthy", "unhealthy"}) String status,
            @Schema(requiredMode = REQUIRED,
                    example = "LINE rejected the channel access token (401). Issue a new one in the LINE Developers "
                    + "console and save it here.") String detail,
            @Nullable Account account,
            Instant checkedAt) {
    }

    @Serdeable
    @Schema(name = "ProviderAccount", description = "The provider account the credentials belong to (healthy only)")
    record Account(@Schema(requiredMode = REQUIRED,
                           description = "LINE bot user id, WhatsApp phone number id or Telegram bot id",
                           example = "Udeadbeefdeadbeefdeadbeefdeadbeef") String id,
                   @Nullable @Schema(description = "Display name / verified name / first name", example = "Lumi")
                   String name,
                   @Nullable @Schema(description = "LINE basic id, WhatsApp display number or Telegram @username",
                           example = "@123abcde") String handle) {
    }

    @Serdeable
    @Schema(name = "TestChat", description = "How to talk to a bot through its hidden test channel, as the widget does")
    record TestChatResponse(
            @Schema(requiredMode = REQUIRED, description = "The test channel's id") String channelId,
            @Schema(requiredMode = REQUIRED, example = "pwk_3q2-7wEAAAD7zK0pZr1kq3vC0h2b8mWd") String widgetKey,
            @Schema(requiredMode = REQUIRED,
                    description = "A new session: a new test contact", example = "test_Zr1kq3vC0h2b8mWd5xYtQe9n")
            String sessionId) {
    }
}
