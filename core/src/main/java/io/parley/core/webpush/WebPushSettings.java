package io.parley.core.webpush;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code parley.webpush.*} (docs/configuration.md#web-push): Web Push to the browsers of members who allow it.
 * Bound from {@code PARLEY_WEBPUSH_ENABLED}, {@code PARLEY_WEBPUSH_PUBLIC_KEY}, {@code PARLEY_WEBPUSH_PRIVATE_KEY},
 * {@code PARLEY_WEBPUSH_SUBJECT}, {@code PARLEY_WEBPUSH_TTL} and {@code PARLEY_WEBPUSH_TIMEOUT}.
 * {@link #toString()} never shows the private key.
 *
 * @param enabled    off: no subscription is accepted (the public key is 404) and no push is sent
 * @param publicKey  the VAPID public key, base64url of the 65-byte uncompressed P-256 point; with
 *                   {@code privateKey}, or neither (Parley then generates a pair once and keeps it sealed in the
 *                   database)
 * @param privateKey the VAPID private key, base64url of the 32-byte P-256 scalar
 * @param subject    the operator's contact in every VAPID token ({@code sub}, RFC 8292 §2.1): a {@code mailto:} or
 *                   {@code https:} URL; empty = {@code parley.public-url}
 * @param ttl        how long a push service keeps a message for a browser that is offline ({@code TTL} header,
 *                   RFC 8030 §5.2); after that the member has the bell and email
 * @param timeout    connect and response timeout of one request to a push service
 */
@ConfigurationProperties("parley.webpush")
public record WebPushSettings(@Bindable(defaultValue = "true") boolean enabled,
                              @Nullable String publicKey,
                              @Nullable String privateKey,
                              @Nullable String subject,
                              @Bindable(defaultValue = "12h") Duration ttl,
                              @Bindable(defaultValue = "10s") Duration timeout) {

    boolean keysConfigured() {
        return present(publicKey) || present(privateKey);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "WebPushSettings[enabled=" + enabled + ", publicKey=" + publicKey + ", privateKey="
                + (present(privateKey) ? "(set)" : "(none)") + ", subject=" + subject + ", ttl=" + ttl + ", timeout="
                + timeout + "]";
    }
}
