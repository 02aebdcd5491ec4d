package io.parley.api.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code parley.auth.*}: session and throttling settings. */
@ConfigurationProperties("parley.auth")
record AuthConfiguration(
        @Bindable(defaultValue = "7") @Min(1) @Max(90) int refreshTokenDays,
        @Bindable(defaultValue = "7") @Min(1) @Max(30) int invitationDays,
        @Bindable(defaultValue = "20") @Min(1) int loginAttemptsPerIpPerMinute,
        @Bindable(defaultValue = "10") @Min(1) int loginAttemptsPerEmailPerQuarterHour) {
}
