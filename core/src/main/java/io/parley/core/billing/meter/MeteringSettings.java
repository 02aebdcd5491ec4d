package io.parley.core.billing.meter;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code parley.billing.metering.*} (docs/billing.md "Metered usage: Stripe meters").
 *
 * @param interval          how often the worker looks for hours to report (each tenant's report job is unique per
 *                          hour, so a shorter interval only reports sooner)
 * @param settle            an hour is reported once it ended this long ago, so the turns still committing in it are
 *                          counted
 * @param reconcileInterval how often the ledger is compared with Stripe's meter summaries
 */
@ConfigurationProperties("parley.billing.metering")
public record MeteringSettings(@Bindable(defaultValue = "10m") @NotNull Duration interval,
                               @Bindable(defaultValue = "15m") @NotNull Duration settle,
                               @Bindable(defaultValue = "6h") @NotNull Duration reconcileInterval) {
}
