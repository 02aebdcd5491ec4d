package io.parley.core.billing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.time.Duration;

/**
 * {@code parley.billing.*} (docs/billing.md).
 *
 * @param trialPlan    the paid plan a new tenant tries without a card; with {@code trialDays} 0 there is no trial
 * @param trialDays    how long the no-card trial lasts (only while Stripe is configured: without it no one could
 *                     pay at the end)
 * @param gracePeriod  how long a past-due subscription keeps its plan before the tenant falls back to its base plan
 * @param dashboardUrl where Checkout and the portal send the user back; default {@code <public-url>/billing}
 */
@ConfigurationProperties("parley.billing")
public record BillingSettings(@Bindable(defaultValue = "pro") @NotBlank String trialPlan,
                              @Bindable(defaultValue = "14") @PositiveOrZero int trialDays,
                              @Bindable(defaultValue = "7d") @NotNull Duration gracePeriod,
                              @Nullable String dashboardUrl) {
}
