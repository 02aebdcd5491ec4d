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
 * recipients claimed per round. {@code concurrency}: WhatsApp and Telegram requests in flight at once per job (the
 * governor still sets the pace). {@code pipeline}: batches in flight at once; one more is claimed ahead, so that
 * sending does not stop while outcomes are recorded and the next batch is claimed. {@code settleGrace}: how long a
 * WhatsApp recipient whose request may have left before a crash waits for its status webhook before it is sent again
 * (docs/broadcasts.md "No message twice"). The defaults keep a 1,000 msg/s WhatsApp number busy: each request waits
 * for its slot and then for its answer (tens of milliseconds on a loaded machine), so at 1,000/s some 30–60 are in
 * flight; 8 in flight and batches of 20 (two in flight) capped a broadcast at 8 / latency.
 */
@ConfigurationProperties("parley.broadcasts")
public record BroadcastSettings(@Bindable(defaultValue = "20s") @NotNull Duration slice,
                                @Bindable(defaultValue = "50") @Min(1) @Max(500) int batchSize,
                                @Bindable(defaultValue = "64") @Min(1) @Max(256) int concurrency,
                                @Bindable(defaultValue = "3") @Min(1) @Max(16) int pipeline,
                                @Bindable(defaultValue = "2m") @NotNull Duration settleGrace) {
}
