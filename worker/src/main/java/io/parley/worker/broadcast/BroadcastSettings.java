package io.parley.worker.broadcast;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code parley.broadcasts.*}. {@code slice}: how long one broadcast.send job sends before it hands over to the next
 * (so a lease, a deploy or a pause takes effect within that time). {@code batchSize}: WhatsApp and Telegram
 * recipients claimed (marked sending) per round; after a crash, the unrecorded ones of the last round are failed as
 * "may have arrived" rather than sent twice, so a small batch keeps that loss small. {@code concurrency}: WhatsApp
 * and Telegram requests in flight at once per job (the governor still sets the pace).
 */
@ConfigurationProperties("parley.broadcasts")
public record BroadcastSettings(@Bindable(defaultValue = "20s") @NotNull Duration slice,
                                @Bindable(defaultValue = "20") @Min(1) @Max(500) int batchSize,
                                @Bindable(defaultValue = "8") @Min(1) @Max(64) int concurrency) {
}
