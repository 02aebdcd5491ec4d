package io.parley.api.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code parley.auth.*}: session, throttling and account-email settings (docs/configuration.md#accounts).
 *
 * @param requireVerifiedEmail   whether an unverified user is kept from inviting, billing and API keys; unset means
 *                               "when SMTP is configured" (without it nobody could verify)
 * @param emailVerificationHours how long a verification link works
 * @param passwordResetMinutes   how long a password-reset link works
 * @param emailsPerAddressPerHour verification resends, and reset requests, per address (or user) per hour
 */
@ConfigurationProperties("parley.auth")
record AuthConfiguration(
        @Bindable(defaultValue = "7") @Min(1) @Max(90) int refreshTokenDays,
        @Bindable(defaultValue = "7") @Min(1) @Max(30) int invitationDays,
        @Bindable(defaultValue = "20") @Min(1) int loginAttemptsPerIpPerMinute,
        @Bindable(defaultValue = "10") @Min(1) int loginAttemptsPerEmailPerQuarterHour,
        @Nullable Boolean requireVerifiedEmail,
        @Bindable(defaultValue = "48") @Min(1) @Max(720) int emailVerificationHours,
        @Bindable(defaultValue = "60") @Min(5) @Max(1440) int passwordResetMinutes,
        @Bindable(defaultValue = "5") @Min(1) int emailsPerAddressPerHour) {
}
