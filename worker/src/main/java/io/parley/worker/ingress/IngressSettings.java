package io.parley.worker.ingress;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code parley.ingress.*}: the group commit of webhook acknowledgements (see {@link InboundEventStore}).
 *
 * @param writers            transactions in flight at once; while they commit, the next requests queue up and go
 *                           together in the following commit
 * @param maxEventsPerCommit events one commit takes at most (a request's events are never split)
 * @param queueCapacity      requests waiting for a commit; beyond it requests get 503 (the provider retries)
 * @param ackTimeout         how long a request waits for its commit before answering 503
 */
@ConfigurationProperties("parley.ingress")
public record IngressSettings(
        @Bindable(defaultValue = "2") @Min(1) int writers,
        @Bindable(defaultValue = "1000") @Min(1) int maxEventsPerCommit,
        @Bindable(defaultValue = "20000") @Min(1) int queueCapacity,
        @Bindable(defaultValue = "10s") @NotNull Duration ackTimeout) {
}
