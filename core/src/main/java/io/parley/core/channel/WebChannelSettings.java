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
 * @param title            the hosted page's title; null: the bot's name
 * @param color            the hosted page's accent colour, {@code #rrggbb}; null: Parley's
 * @param logoUrl          an https image shown on the hosted page and as its app icon; null: Parley's
 * @param businessHours    when people answer hand-offs (the widget says from when while closed); null: always
 */
@Serdeable
public record WebChannelSettings(@Nullable List<String> allowedOrigins, @Nullable Boolean requireIdentity,
                                 @Nullable Integer maxMessageLength, @Nullable String offlineText,
                                 @Nullable String title, @Nullable String color, @Nullable String logoUrl,
                                 @Nullable BusinessHours businessHours) {

    public static final int MAX_MESSAGE_LENGTH = 4000;
    public static final WebChannelSettings DEFAULTS = new WebChannelSettings(List.of(), false, null, null, null, null,
            null, null);

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
