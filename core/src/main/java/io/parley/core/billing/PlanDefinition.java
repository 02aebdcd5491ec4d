package io.parley.core.billing;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import java.util.List;

/**
 * One plan of the catalogue, {@code parley.plans.<id>.*} (docs/billing.md). Free, Pro and Business ship in
 * application.yml; an operator changes them, or adds plans, with configuration only — e.g.
 * {@code PARLEY_PLANS_PRO_MAX_BOTS=8}, {@code PARLEY_PLANS_PRO_STRIPE_PRICE_IDS=price_123}. A limit that is absent
 * or negative is unlimited (so {@code -1} lifts a default limit from the environment).
 *
 * @param stripePriceIds the Stripe Prices that mean this plan: a checkout sells the first; a subscription on any of
 *                       them (e.g. last year's price) is on this plan. None: the plan cannot be bought.
 * @param features       what the plan offers, in words, shown on its card in the dashboard
 * @param maxBroadcastRecipientsPerMonth broadcast recipients a month (docs/broadcasts.md "Quota")
 */
@EachProperty("parley.plans")
public record PlanDefinition(@Parameter @Pattern(regexp = "[a-z][a-z0-9-]{0,31}") String id,
                             @NotBlank String name,
                             @Bindable(defaultValue = "100") int order,
                             @Bindable(defaultValue = "0") @PositiveOrZero long monthlyPriceCents,
                             @Bindable(defaultValue = "usd") @Pattern(regexp = "[a-z]{3}") String currency,
                             @Nullable List<String> stripePriceIds,
                             @Nullable Integer maxBots,
                             @Nullable Integer maxChannels,
                             @Nullable Integer maxMembers,
                             @Nullable Integer maxMessagesPerMonth,
                             @Nullable Long monthlyLlmBudgetMicros,
                             @Nullable List<String> features,
                             @Nullable Integer maxBroadcastRecipientsPerMonth) {

    public PlanDefinition {
        maxBots = unlimitedIfNegative(maxBots);
        maxChannels = unlimitedIfNegative(maxChannels);
        maxMembers = unlimitedIfNegative(maxMembers);
        maxMessagesPerMonth = unlimitedIfNegative(maxMessagesPerMonth);
        maxBroadcastRecipientsPerMonth = unlimitedIfNegative(maxBroadcastRecipientsPerMonth);
        monthlyLlmBudgetMicros = monthlyLlmBudgetMicros == null || monthlyLlmBudgetMicros < 0 ? null
                : monthlyLlmBudgetMicros;
        stripePriceIds = stripePriceIds == null ? List.of()
                : stripePriceIds.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        features = features == null ? List.of()
                : features.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The price a new checkout sells, or null when the plan is not for sale. */
    @Nullable
    public String checkoutPriceId() {
        return stripePriceIds.isEmpty() ? null : stripePriceIds.getFirst();
    }

    private static Integer unlimitedIfNegative(Integer limit) {
        return limit == null || limit < 0 ? null : limit;
    }
}
