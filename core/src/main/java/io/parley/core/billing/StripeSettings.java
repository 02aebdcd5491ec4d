package io.parley.core.billing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;

/**
 * {@code parley.stripe.*}: Parley's own Stripe account. application.yml binds {@code STRIPE_API_KEY},
 * {@code STRIPE_WEBHOOK_SECRET} and {@code PARLEY_STRIPE_API_URL} (tests point it at a local fake). Without an API
 * key billing is off: the billing endpoints answer 503 and everything else works. The key and the secret are
 * never logged nor returned ({@link #toString()} hides them).
 */
@ConfigurationProperties("parley.stripe")
public record StripeSettings(@Nullable String apiKey,
                             @Nullable String webhookSecret,
                             @Bindable(defaultValue = "https://api.stripe.com") @NotBlank
                             @Pattern(regexp = "^https?://[^/\\s]+.*$", message = "must be an absolute http(s) URL")
                             String apiUrl,
                             @Bindable(defaultValue = "10s") @NotNull Duration timeout) {

    public StripeSettings {
        apiUrl = apiUrl == null ? null : apiUrl.replaceAll("/+$", "");
    }

    public boolean configured() {
        return apiKey != null && !apiKey.isBlank();
    }

    public boolean webhookConfigured() {
        return webhookSecret != null && !webhookSecret.isBlank();
    }

    @Override
    public String toString() {
        return "StripeSettings[apiKey=" + (configured() ? "(set)" : "(none)") + ", webhookSecret="
                + (webhookConfigured() ? "(set)" : "(none)") + ", apiUrl=" + apiUrl + ", timeout=" + timeout + "]";
    }
}
