package io.parley.worker.outbound;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code parley.outbound.*}. {@code recordPatience}: how long the send job keeps trying to record a batch the provider
 * has taken as "sent" (a busy pool, a database restart) before it gives the job up to the queue. Giving up is
 * costly: the retry cannot tell whether the batch arrived (docs/outbound.md, "Sending twice"), so be patient — but
 * stay well under the queue's lease (60 s), which the worker keeps alive meanwhile.
 */
@ConfigurationProperties("parley.outbound")
record DeliverySettings(@Bindable(defaultValue = "30s") @NotNull Duration recordPatience) {
}
