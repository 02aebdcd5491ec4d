package io.parley.core.trigger;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code parley.triggers.*}. {@code scanInterval}: how often the worker looks for inactive and schedule runs that
 * fell due (a schedule fires at most this late). {@code scheduleCatchUp}: how late a schedule occurrence may still
 * be sent (after a worker outage a 09:00 greeting is not sent at 17:00); older occurrences are dropped, not queued.
 */
@ConfigurationProperties("parley.triggers")
public record TriggerSettings(@Bindable(defaultValue = "1m") Duration scanInterval,
                              @Bindable(defaultValue = "1h") Duration scheduleCatchUp) {
}
