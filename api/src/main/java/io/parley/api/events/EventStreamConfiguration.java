package io.parley.api.events;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code parley.events.*}: the live event stream (GET /api/v1/events).
 *
 * @param keepAlive             how often an idle stream gets a comment line, so proxies and load balancers that
 *                              close quiet connections (often after 30-60 s) keep it open
 * @param bufferSize            events held for one client that reads slower than events arrive; when full, the
 *                              client is disconnected rather than letting memory grow
 * @param maxConnectionDuration a stream is closed after this long and the client reconnects: authorization is
 *                              checked at connect, so this bounds how long a removed member keeps receiving events
 * @param ticketSeconds         lifetime of a stream ticket (POST /api/v1/events/ticket); it only has to survive
 *                              until the browser opens the stream
 */
@ConfigurationProperties("parley.events")
record EventStreamConfiguration(
        @Bindable(defaultValue = "20s") @NotNull Duration keepAlive,
        @Bindable(defaultValue = "256") @Min(1) @Max(100_000) int bufferSize,
        @Bindable(defaultValue = "15m") @NotNull Duration maxConnectionDuration,
        @Bindable(defaultValue = "60") @Min(5) @Max(3600) int ticketSeconds) {
}
