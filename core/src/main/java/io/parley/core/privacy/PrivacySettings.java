package io.parley.core.privacy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * {@code parley.privacy.*} (docs/configuration.md).
 *
 * @param retentionInterval how often each tenant's retention job is enqueued
 * @param tombstoneDays     how long an erased identity's tombstone is kept (providers stop redelivering long before:
 *                          WhatsApp retries for up to 7 days)
 * @param closeGraceDays    how long a closed tenant can be reopened before its data is deleted
 */
@ConfigurationProperties("parley.privacy")
public record PrivacySettings(@Bindable(defaultValue = "1h") Duration retentionInterval,
                              @Bindable(defaultValue = "30") @Min(1) int tombstoneDays,
                              @Bindable(defaultValue = "30") @Min(0) int closeGraceDays) {
}
