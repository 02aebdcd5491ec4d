package io.parley.core.alert;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Alert rules' evaluation ({@code parley.alerts.*}).
 *
 * @param interval how often each tenant's time-based rules are evaluated (daily cost, failure rate, hand-off
 *                 waiting): an alert fires at most this late after its condition starts to hold
 */
@ConfigurationProperties("parley.alerts")
public record AlertSettings(@Bindable(defaultValue = "1m") Duration interval) {
}
