package io.parley.api.billing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.billing.TenantCredits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Credit granted by the operator console, as the tenant's billing page and the console show it (docs/billing.md). */
public final class CreditWire {

    private CreditWire() {
    }

    @Serdeable
    @Schema(name = "CreditGrant", description = "Credit granted to the tenant by the installation's operator")
    public record GrantView(@Schema(requiredMode = REQUIRED) String id,
                            @Schema(requiredMode = REQUIRED, description = "Credited, in the currency's minor unit",
                                    example = "2500") long amount,
                            @Schema(requiredMode = REQUIRED, example = "usd") String currency,
                            @Schema(requiredMode = REQUIRED, example = "Outage on 3 December") String reason,
                            @Schema(requiredMode = REQUIRED, example = "operator ops@example.com") String grantedBy,
                            @Schema(requiredMode = REQUIRED, description = "The Stripe customer balance transaction",
                                    example = "cbtxn_1QxY") String stripeTransactionId,
                            @Schema(requiredMode = REQUIRED) Instant createdAt) {

        public static GrantView of(TenantCredits.Grant grant) {
            return new GrantView(grant.id().toString(), grant.amount(), grant.currency(), grant.reason(),
                    grant.grantedBy(), grant.stripeTransactionId(), grant.createdAt());
        }
    }

    @Serdeable
    @Schema(name = "TenantCredit", description = "The credit left on the tenant's Stripe customer and the grants")
    public record CreditView(@Nullable @Schema(description = "Credit left for the next invoices, in the currency's "
                                     + "minor unit (negative: owed); null without a Stripe customer or when Stripe "
                                     + "could not be reached", example = "2500") Long remaining,
                             @Nullable @Schema(example = "usd") String currency,
                             @Schema(requiredMode = REQUIRED, description = "Newest first, the last 50")
                             List<GrantView> grants) {

        public static CreditView of(TenantCredits.Credit credit) {
            return new CreditView(credit.remaining(), credit.currency(),
                    credit.grants().stream().map(GrantView::of).toList());
        }
    }

    @Serdeable
    @Schema(name = "CreditGranted")
    public record Granted(@NotNull GrantView grant, // not @Schema on the field: that would make a second schema of it
                          @Schema(requiredMode = REQUIRED, description = "Credit left on the tenant's Stripe customer "
                                  + "after this grant, in the currency's minor unit (negative: owed)") long remaining) {

        public static Granted of(TenantCredits.Grant grant) {
            return new Granted(GrantView.of(grant), -grant.endingBalance());
        }
    }
}
