package io.parley.api.billing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The metered usage reported to Stripe, per meter (docs/billing.md "Metered usage: Stripe meters"). */
final class MeterWire {

    private MeterWire() {
    }

    @Serdeable
    @Schema(name = "MeterReconciliation", description = "The last comparison of the ledger with Stripe's meter summary "
            + "over the closed hours of the billing period")
    record Reconciliation(Instant checkedAt, Instant windowStart, Instant windowEnd,
                          @Schema(requiredMode = REQUIRED) long ledgerValue,
                          @Schema(requiredMode = REQUIRED) long stripeValue,
                          @Schema(requiredMode = REQUIRED, description = "ledgerValue - stripeValue; 0 when they agree")
                          long drift) {
    }

    @Serdeable
    @Schema(name = "MeterStatus")
    record Status(
            @Schema(requiredMode = REQUIRED, example = "parley_answered_messages") String eventName,
            @Schema(requiredMode = REQUIRED, allowableValues = {"answered-messages", "llm-calls", "input-tokens",
                    "output-tokens", "llm-cost-micros"}) String quantity,
            @Schema(requiredMode = REQUIRED, description = "The tenant's subscription is billed on this meter")
            boolean billed,
            @Schema(requiredMode = REQUIRED, description = "Sent to Stripe in the current billing period")
            long reportedValue,
            @Schema(requiredMode = REQUIRED, description = "Hours written but not yet accepted by Stripe (retrying)")
            int pendingHours,
            @Nullable @Schema(description = "The start of the last hour Stripe accepted") Instant lastReportedHour,
            @Nullable @Schema(description = "Null until checked (or without a meter id)") Reconciliation reconciliation) {
    }

    @Serdeable
    @Schema(name = "Meters", description = "Metered usage reported to Stripe Billing Meters, per configured meter")
    record Meters(
            @Schema(requiredMode = REQUIRED, description = "False when this Parley reports no meter")
            boolean enabled,
            @Nullable @Schema(description = "The current billing period's start; null without a subscription")
            Instant periodStart,
            List<Status> meters) {
    }
}
