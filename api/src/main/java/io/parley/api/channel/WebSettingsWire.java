package io.parley.api.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of a web chat channel's settings (docs/web-chat.md): the `web` member of a channel. */
final class WebSettingsWire {

    private WebSettingsWire() {
    }

    @Serdeable
    @Schema(name = "WebChannelSettings", description = "Web chat channels only: allowed origins, identity, hosted page and widget branding")
    record Settings(
            @Schema(requiredMode = REQUIRED, description = "Sites (scheme://host[:port]) whose pages may use the "
                    + "widget key; empty: any site", example = "[\"https://shop.example\"]") List<String> allowedOrigins,
            @Schema(requiredMode = REQUIRED, description = "Refuse anonymous chat: every widget request must carry an "
                    + "identity signed with the channel's identity secret") boolean requireIdentity,
            @Schema(requiredMode = REQUIRED, description = "The longest message a contact may send (characters)",
                    example = "4000") int maxMessageLength,
            @Nullable @Schema(description = "Shown by the hosted chat page while Parley is unreachable",
                    example = "Can't reach us? In an emergency call 112.") String offlineText,
            @Nullable @Schema(description = "The name in the hosted page's and the widget's header; null: the bot's "
                    + "name") String title,
            @Nullable @Schema(description = "The hosted page's and the widget's accent colour", example = "#0f766e")
            String color,
            @Nullable @Schema(description = "An https image: the hosted page's logo and app icon, the widget's "
                    + "avatar") String logoUrl,
            @Nullable Hours businessHours,
            @Schema(requiredMode = REQUIRED, description = "Where the widget's launcher sits",
                    allowableValues = {"right", "left"}) String position,
            @Nullable @Schema(description = "The widget's text before the first message; null: the widget's own "
                    + "(\"Hi! Send us a message…\" in its language)") String greeting,
            @Schema(requiredMode = REQUIRED, description = "The language of the widget's own words; auto: the "
                    + "visitor's browser", allowableValues = {"auto", "en", "zh-Hant"}) String language,
            @Schema(requiredMode = REQUIRED, description = "Whether an identity secret was generated (it is shown "
                    + "once, when generated)") boolean identitySecretSet,
            @Schema(requiredMode = REQUIRED, description = "The full-page chat (installable as an app)",
                    example = "https://parley.example.com/c/pwk_3q2-7wEAAAD7zK0pZr1kq3vC0h2b8mWd") String hostedPageUrl) {
    }

    @Serdeable
    @Schema(name = "WebChannelSettingsPatch", description = "JSON Merge Patch of a web chat channel's settings: a "
            + "member sent replaces that setting, null restores its default")
    record Patch(
            @Nullable @Size(max = 50) List<@Size(max = 200) String> allowedOrigins,
            @Nullable Boolean requireIdentity,
            @Nullable @Min(1) @Max(4000) Integer maxMessageLength,
            @Nullable @Size(max = 2000) String offlineText,
            @Nullable @Size(max = 100) String title,
            @Nullable @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #0f766e") String color,
            @Nullable @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https URL")
            String logoUrl,
            @Nullable @Valid Hours businessHours,
            @Nullable @Pattern(regexp = "right|left", message = "must be one of right, left") String position,
            @Nullable @Size(max = 300) String greeting,
            @Nullable @Pattern(regexp = "auto|en|zh-Hant", message = "must be one of auto, en, zh-Hant")
            String language) {

        /** {@code web: null}, which {@link WebSettings#patched} refuses by name. */
        static final Patch NONE = new Patch(null, null, null, null, null, null, null, null, null, null, null);
    }

    @Serdeable
    @Schema(name = "BusinessHours", description = "When people answer hand-offs: outside these hours the widget says "
            + "\"We're away now; a person will answer from Mon 09:00\" (in its language); null: no hours, the widget "
            + "never says from when. Sent whole: it replaces the stored hours.")
    record Hours(
            @Schema(requiredMode = REQUIRED, description = "IANA time zone of the hours", example = "Asia/Taipei")
            @NotNull @Size(max = 64) String timeZone,
            @Schema(requiredMode = REQUIRED, description = "Weekday (mon, tue, wed, thu, fri, sat, sun) → open and "
                    + "close (HH:mm, the same day, open first, e.g. 09:00 and 18:00); a day left out is closed")
            @NotNull @Size(max = 7) Map<String, @NotNull DayHours> days) {
    }

    @Serdeable
    @Schema(name = "BusinessDayHours")
    record DayHours(@Schema(requiredMode = REQUIRED, description = "HH:mm", example = "09:00") @NotNull String open,
                    @Schema(requiredMode = REQUIRED, description = "HH:mm, after open") @NotNull String close) {
    }

    @Serdeable
    @Schema(name = "IdentitySecret", description = "Shown once: store it on the host site's server")
    record IdentitySecret(
            @Schema(requiredMode = REQUIRED, description = "The channel's new identity secret; the previous one "
                    + "stops working at once", example = "pis_Zr1kq3vC0h2b8mWd5xYtQe9nLs4uPa7oZr1kq3vC0h2") String secret) {

        @Override
        public String toString() {
            return "IdentitySecret[]";
        }
    }
}
