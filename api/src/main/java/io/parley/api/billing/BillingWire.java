package io.parley.api.billing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.billing.StripeGateway;
import io.parley.core.plan.PlanRow;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** The billing API's requests and responses (docs/billing.md). */
final class BillingWire {

    private BillingWire() {
    }

    @Serdeable
    @Schema(name = "ChoosePlanRequest")
    record ChoosePlan(@NotBlank @Size(max = 32) @Schema(example = "pro") String planId) {
    }

    @Serdeable
    @Schema(name = "RedirectUrl", description = "A Stripe page to send the browser to")
    record RedirectUrl(@Schema(example = "https://checkout.stripe.com/c/pay/cs_test_…") String url) {
    }

    /**
     * @param plan          the plan in force now (the subscription's, or the base plan after a lapse)
     * @param subscription  the subscription or trial; null when the tenant never had one
     * @param usage         usage this period against every limit of the plan in force
     * @param invoices      newest first, from Stripe; null when Stripe could not be reached
     * @param credit        credit granted by the operator and what is left of it; null in a plan change's answer
     */
    @Serdeable
    @Schema(name = "Billing", description = "The plan in force (the subscription's, or the base plan after a lapse), "
            + "the subscription or trial (null when there never was one), usage this period against every limit, and "
            + "invoices from Stripe (null when Stripe could not be reached), and credit granted by the operator")
    record BillingResponse(BillingPlan plan, @Nullable Subscription subscription, UsagePeriod usage,
                           @Nullable List<InvoiceView> invoices, @Nullable CreditWire.CreditView credit) {
    }

    @Serdeable
    @Schema(name = "BillingSubscription")
    record Subscription(
            @Schema(example = "active", allowableValues = {"trialing", "active", "past_due", "canceled", "unpaid",
                    "incomplete", "incomplete_expired", "paused"}) String status,
            @Nullable @Schema(example = "pro") String planId,
            @Schema(description = "False for the no-card trial, which has no Stripe subscription") boolean stripe,
            @Nullable Instant currentPeriodStart, @Nullable Instant currentPeriodEnd, @Nullable Instant trialEnd,
            boolean cancelAtPeriodEnd,
            @Nullable @Schema(description = "Past due: when the plan falls back to the base plan unless paid")
            Instant graceEndsAt) {
    }

    @Serdeable
    @Schema(name = "BillingUsage")
    record UsagePeriod(Instant periodStart, Instant periodEnd, List<UsageItem> items) {
    }

    @Serdeable
    @Schema(name = "BillingUsageItem")
    record UsageItem(@Schema(example = "bots", allowableValues = {"bots", "channels", "members",
                             "messagesPerMonth", "llmBudgetMicros"}) String key,
                     long used,
                     @Nullable @Schema(description = "null = unlimited") Long limit) {
    }

    @Serdeable
    @Schema(name = "Invoice")
    record InvoiceView(String id, @Nullable String number, @Nullable String status, long amountDue, long amountPaid,
                       String currency, Instant created, @Nullable String hostedUrl, @Nullable String pdfUrl) {
        static InvoiceView of(StripeGateway.InvoiceSummary invoice) {
            return new InvoiceView(invoice.id(), invoice.number(), invoice.status(), invoice.amountDue(),
                    invoice.amountPaid(), invoice.currency(), invoice.created(), invoice.hostedUrl(), invoice.pdfUrl());
        }
    }

    @Serdeable
    @Schema(name = "BillingPlan")
    record BillingPlan(@Schema(example = "pro") String id, @Schema(example = "Pro") String name,
                       @Schema(description = "Monthly price in the currency's minor unit") long monthlyPriceCents,
                       @Schema(example = "usd") String currency,
                       @Schema(description = "Whether it can be bought (it has a Stripe price)") boolean purchasable,
                       @Nullable Integer maxBots, @Nullable Integer maxChannels, @Nullable Integer maxMembers,
                       @Nullable Integer maxMessagesPerMonth, @Nullable Long monthlyLlmBudgetMicros,
                       List<String> features) {
        static BillingPlan of(PlanRow plan) {
            return new BillingPlan(plan.id(), plan.name(), plan.monthlyPriceCents(), plan.currency(),
                    plan.stripePriceId() != null, plan.maxBots(), plan.maxChannels(), plan.maxMembers(),
                    plan.maxMessagesPerMonth(), plan.monthlyLlmBudgetMicros(), plan.featureList());
        }
    }
}
