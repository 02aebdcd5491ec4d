package io.parley.worker.outbound.governor;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code parley.outbound.rates.*} (docs/broadcasts.md "Rate governor"): sends per second per provider scope, shared
 * by every worker process. WhatsApp per phone number (Cloud API default throughput 80 messages/s; a number upgraded
 * by Meta takes up to 1,000); LINE per channel and endpoint (push 2,000 requests/s, multicast 200 requests/s);
 * Telegram 30 messages/s per bot and 1 per second per chat (with a burst of {@code telegramChatBurst}, since a reply
 * often has two or three messages). {@code idleBucketRetention}: buckets unused this long are deleted (checked every
 * {@code cleanup-interval}, 10 minutes); it must exceed the longest "too fast" pause a provider asks for.
 */
@ConfigurationProperties("parley.outbound.rates")
public record SendRateSettings(@Bindable(defaultValue = "80") @Min(1) @Max(1000) int whatsappPerSecond,
                               @Bindable(defaultValue = "2000") @Min(1) @Max(2000) int linePushPerSecond,
                               @Bindable(defaultValue = "200") @Min(1) @Max(200) int lineMulticastPerSecond,
                               @Bindable(defaultValue = "30") @Min(1) @Max(30) int telegramPerSecond,
                               @Bindable(defaultValue = "3") @Min(1) @Max(20) int telegramChatBurst,
                               @Bindable(defaultValue = "true") boolean enabled,
                               @Bindable(defaultValue = "1h") @NotNull Duration idleBucketRetention) {
}
