package io.parley.api.premium;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** Requests and responses of the contacts' premium tiers (docs/billing.md, "Premium tiers for your contacts"). */
final class PremiumWire {

    static final String TIER = "[a-z0-9_-]{1,40}";

    private PremiumWire() {
    }

    @Serdeable
    @Schema(name = "ContactStripeAccountRequest", description = "The tenant's own Stripe account. Both secrets are "
            + "write-only: stored encrypted, never returned.")
    record AccountRequest(
            @NotBlank @Size(max = 255) @Schema(description = "Secret key (sk_…) or restricted key (rk_…) with Checkout "
                    + "Sessions write, Subscriptions read and Prices read", example = "rk_live_…",
                    accessMode = Schema.AccessMode.WRITE_ONLY) String secretKey,
            @NotBlank @Size(max = 255) @Pattern(regexp = "whsec_\\S+", message = "must be a Stripe webhook signing "
                    + "secret (whsec_…)") @Schema(description = "Signing secret of the webhook endpoint you created "
                    + "at webhookUrl", example = "whsec_…", accessMode = Schema.AccessMode.WRITE_ONLY)
            String webhookSecret,
            @Nullable @Size(max = 2000) @Schema(description = "Where Checkout sends the contact after paying or "
                    + "cancelling (e.g. your site, or a LINE deep link back to the chat); default the public URL",
                    example = "https://line.me/R/ti/p/@yourbot") String returnUrl) {
        @Override
        public String toString() {
            return "AccountRequest[secrets hidden]";
        }
    }

    @Serdeable
    @Schema(name = "ContactStripeAccount", description = "The tenant's own Stripe account as Parley holds it; the "
            + "secrets are never returned")
    record AccountResponse(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean configured,
            @Nullable @Schema(description = "Last 4 characters of the key", example = "x9Qa") String secretKeyLast4,
            @Nullable @Schema(description = "Whether the key is a live-mode key") Boolean livemode,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Register this URL as a webhook "
                    + "endpoint in your Stripe account (events: checkout.session.completed, customer.subscription.*, "
                    + "invoice.paid, invoice.payment_failed)") String webhookUrl,
            @Nullable String returnUrl,
            @Nullable Instant updatedAt) {
    }

    @Serdeable
    @Schema(name = "ContactOfferRequest")
    record OfferRequest(@NotBlank @Size(max = 100) @Schema(example = "Premium monthly") String name,
                        @NotBlank @Size(max = 255) @Pattern(regexp = "price_\\w+", message = "must be a Stripe price "
                                + "id (price_…)") @Schema(example = "price_1Q…") String stripePriceId,
                        @NotBlank @Pattern(regexp = TIER, message = "must be 1-40 of a-z, 0-9, _ or -")
                        @Schema(example = "premium") String tier) {
    }

    @Serdeable
    @Schema(name = "ContactOfferPatch", description = "A JSON Merge Patch: members left out keep their value")
    record OfferPatch(@Nullable @Size(min = 1, max = 100) String name,
                      @Nullable @Size(max = 255) @Pattern(regexp = "price_\\w+", message = "must be a Stripe price id "
                              + "(price_…)") String stripePriceId,
                      @Nullable @Pattern(regexp = TIER, message = "must be 1-40 of a-z, 0-9, _ or -") String tier) {
    }

    @Serdeable
    @Schema(name = "ContactOffer", description = "What the tenant sells its contacts: a recurring Stripe price and "
            + "the tier a paid subscription gives")
    record OfferResponse(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String stripePriceId,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String tier,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Put this in a welcome, "
                                 + "limit or flow message to send each contact its own checkout link",
                                 example = "{{checkoutUrl:0193…}}") String placeholder,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) {
    }

    @Serdeable
    @Schema(name = "CheckoutLinkRequest")
    record CheckoutLinkRequest(@NotBlank @Size(max = 64) String offerId) {
    }

    @Serdeable
    @Schema(name = "CheckoutLink", description = "Parley's link for one contact and offer; opening it creates a "
            + "Stripe Checkout Session and redirects there, so it works for its whole validity (a Checkout Session "
            + "itself expires after 24 hours)")
    record CheckoutLinkResponse(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                        example = "https://parley.example.com/api/v1/public/checkout/pco_…") String url,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant expiresAt) {
    }

    @Serdeable
    @Schema(name = "ContactSubscription", description = "A contact's subscription in the tenant's Stripe account, "
            + "as last reported by Stripe")
    record SubscriptionResponse(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "sub_1Q…") String stripeSubscriptionId,
            @Nullable String offerId,
            @Nullable @Schema(description = "The offer's name; null when it was deleted") String offerName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "active") String status,
            @Nullable @Schema(description = "The tier it gives while paid", example = "premium") String tier,
            @Nullable Instant currentPeriodEnd,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean cancelAtPeriodEnd,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) {
    }
}
