package io.parley.core.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A web chat channel's settings (docs/web-chat.md), stored as {@code channels.web_settings}.
 *
 * @param allowedOrigins   the sites (scheme://host[:port]) whose pages may use the widget key; empty: any site
 * @param requireIdentity  refuse anonymous chat: every request must carry an identity signed with the channel's secret
 * @param maxMessageLength the longest message a contact may send (1-4000 characters); null: 4000
 * @param offlineText      what the hosted page shows while Parley is unreachable (e.g. crisis resources); null: none
 * @param title            the name in the hosted page's and the widget's header; null: the bot's name
 * @param color            the hosted page's and the widget's accent colour, {@code #rrggbb}; null: Parley's
 * @param logoUrl          an https image: the hosted page's logo and app icon, the widget's avatar; null: Parley's
 * @param businessHours    when people answer hand-offs (the widget says from when while closed); null: always
 * @param position         where the widget's launcher sits, {@code right} or {@code left}; null: right
 * @param greeting         the widget's text before the first message (not the bot's welcome message, which answers
 *                         the first message); null: the widget's own, in its language
 * @param language         the widget's own words: {@code auto} (the visitor's browser), {@code en} or
 *                         {@code zh-Hant}; null: auto
 */
@Serdeable
public record WebChannelSettings(@Nullable List<String> allowedOrigins, @Nullable Boolean requireIdentity,
                                 @Nullable Integer maxMessageLength, @Nullable String offlineText,
                                 @Nullable String title, @Nullable String color, @Nullable String logoUrl,
                                 @Nullable BusinessHours businessHours, @Nullable String position,
                                 @Nullable String greeting, @Nullable String language) {

    public static final int MAX_MESSAGE_LENGTH = 4000;
    public static final WebChannelSettings DEFAULTS = new WebChannelSettings(List.of(), false, null, null, null, null,
            null, null, null, null, null);
    /** The launcher's sides and the widget's languages ({@code auto}: the visitor's browser). */
    public static final List<String> POSITIONS = List.of("right", "left");
    public static final List<String> LANGUAGES = List.of("auto", "en", "zh-Hant");
    public static final int MAX_GREETING_LENGTH = 300;

    public WebChannelSettings {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        requireIdentity = Boolean.TRUE.equals(requireIdentity);
    }

    public boolean identityRequired() {
        return Boolean.TRUE.equals(requireIdentity);
    }

    public int messageLimit() {
        return maxMessageLength == null ? MAX_MESSAGE_LENGTH : maxMessageLength;
    }

    /** Whether a page of {@code origin} may use the widget: any when no origins are listed. */
    public boolean allows(@Nullable String origin) {
        if (allowedOrigins.isEmpty()) {
            return true;
        }
        return normalizedOrigin(origin).map(allowedOrigins::contains).orElse(false);
    }

    /**
     * {@code scheme://host[:port]} in lower case without a default port or path, as browsers send {@code Origin};
     * empty for anything else (a path, a wildcard, {@code null}).
     */
    public static Optional<String> normalizedOrigin(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getUserInfo() != null
                    || uri.getQuery() != null || uri.getFragment() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
