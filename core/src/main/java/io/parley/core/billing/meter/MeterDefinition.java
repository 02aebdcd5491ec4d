package io.parley.core.billing.meter;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.List;

/**
 * One Stripe Billing Meter that Parley reports usage to, {@code parley.billing.meters.<key>}:
 *
 * @param eventName the meter's {@code event_name} in Stripe (required)
 * @param meterId   the meter's id ({@code mtr_…}); needed only to reconcile with Stripe's meter event summaries
 * @param quantity  what the ledger counts for it: answered-messages, llm-calls, input-tokens, output-tokens or
 *                  llm-cost-micros
 * @param plans     the plans whose Stripe price is metered on it: only tenants subscribed to one are reported
 */
@EachProperty("parley.billing.meters")
public record MeterDefinition(@Parameter String key, @Nullable String eventName, @Nullable String meterId,
                              @Bindable(defaultValue = "answered-messages") String quantity,
                              @Nullable List<String> plans) {
}
