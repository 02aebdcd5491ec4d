package io.parley.core.channel;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;

/**
 * {@code parley.providers.*}: base URLs of the messaging providers' APIs, configurable so tests (and proxies) can
 * point them elsewhere. application.yml binds them to PARLEY_LINE_API_URL, PARLEY_WHATSAPP_API_URL and
 * PARLEY_TELEGRAM_API_URL. The WhatsApp URL includes the pinned Graph API version.
 */
@ConfigurationProperties("parley.providers")
public record ProviderEndpoints(
        @Bindable(defaultValue = "https://api.line.me") @NotBlank
        @Pattern(regexp = ABSOLUTE, message = MUST_BE_ABSOLUTE) String lineApiUrl,
        @Bindable(defaultValue = "https://graph.facebook.com/v23.0") @NotBlank
        @Pattern(regexp = ABSOLUTE, message = MUST_BE_ABSOLUTE) String whatsappApiUrl,
        @Bindable(defaultValue = "https://api.telegram.org") @NotBlank
        @Pattern(regexp = ABSOLUTE, message = MUST_BE_ABSOLUTE) String telegramApiUrl,
        @Bindable(defaultValue = "5s") @NotNull Duration timeout) {

    /** A wrong address fails the start, not the first verify or send. */
    static final String ABSOLUTE = "^https?://[^/\\s]+.*$";
    static final String MUST_BE_ABSOLUTE = "must be an absolute http(s) URL";

    public ProviderEndpoints {
        lineApiUrl = withoutTrailingSlash(lineApiUrl);
        whatsappApiUrl = withoutTrailingSlash(whatsappApiUrl);
        telegramApiUrl = withoutTrailingSlash(telegramApiUrl);
    }

    private static String withoutTrailingSlash(String url) {
        return url == null ? null : url.replaceAll("/+$", "");
    }
}
