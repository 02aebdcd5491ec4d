package io.parley.api.premium;

import io.micronaut.context.annotation.Requires;
import io.parley.api.caller.Caller;
import io.parley.core.ServerRoles;
import io.parley.core.audit.AuditLog;
import io.parley.core.premium.ContactOfferRow;
import io.parley.core.premium.ContactPremiumRepository;
import io.parley.core.premium.ContactStripeAccounts;
import io.parley.core.premium.ContactStripeGateway;
import io.parley.core.premium.StripeKeyRejectedException;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.json.MergePatch;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Offers: every member reads them (agents make checkout links); owners and admins write them. A new or changed
 * price is checked in the tenant's Stripe account first: it must exist and be recurring (Checkout in subscription
 * mode needs one), so a typo is a 400 now rather than a broken link later.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
class OfferService {

    private final TenantScope scope;
    private final ContactPremiumRepository premium;
    private final ContactStripeAccounts accounts;
    private final ContactStripeGateway stripe;
    private final AuditLog audit;

    OfferService(TenantScope scope, ContactPremiumRepository premium, ContactStripeAccounts accounts,
                 ContactStripeGateway stripe, AuditLog audit) {
        this.scope = scope;
        this.premium = premium;
        this.accounts = accounts;
        this.stripe = stripe;
        this.audit = audit;
    }

    List<PremiumWire.OfferResponse> list(Caller caller) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> premium.offers(tenant.value()).stream().map(OfferService::view).toList());
    }

    PremiumWire.OfferResponse get(Caller caller, String offerId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> view(find(tenant, offerId)));
    }

    PremiumWire.OfferResponse create(Caller caller, PremiumWire.OfferRequest request) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        String price = request.stripePriceId().trim();
        checkPrice(tenant, price);
        UUID id = Ids.next();
        return scope.write(tenant, () -> {
            if (premium.insertOffer(tenant.value(), id, request.name().trim(), price, request.tier()) == 0) {
                throw duplicatePrice();
            }
            audit.record(tenant, caller.actor(), "premium.offer.created", "offer", id.toString(),
                    Map.of("stripePriceId", price, "tier", request.tier()));
            return view(premium.offer(tenant.value(), id).orElseThrow());
        });
    }

    PremiumWire.OfferResponse update(Caller caller, String offerId, PremiumWire.OfferPatch patch, MergePatch members) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        for (String field : List.of("name", "stripePriceId", "tier")) {
            if (members.removes(field)) {
                throw ProblemException.invalidField(field, "cannot be removed (null); send a value");
            }
        }
        ContactOfferRow current = scope.read(tenant, () -> find(tenant, offerId));
        String price = patch.stripePriceId() == null ? current.stripePriceId() : patch.stripePriceId().trim();
        if (!price.equals(current.stripePriceId())) {
            checkPrice(tenant, price);
        }
        String name = patch.name() == null ? current.name() : patch.name().trim();
        String tier = patch.tier() == null ? current.tier() : patch.tier();
        return scope.write(tenant, () -> {
            if (premium.updateOffer(tenant.value(), current.id(), name, price, tier) == 0) {
                if (premium.offer(tenant.value(), current.id()).isEmpty()) {
                    throw ProblemException.notFound("Offer");
                }
                throw duplicatePrice();
            }
            audit.record(tenant, caller.actor(), "premium.offer.updated", "offer", current.id().toString(),
                    Map.of("stripePriceId", price, "tier", tier));
            return view(premium.offer(tenant.value(), current.id()).orElseThrow());
        });
    }

    void delete(Caller caller, String offerId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        scope.writeVoid(tenant, () -> {
            UUID id = Ids.parse(offerId).orElseThrow(() -> ProblemException.notFound("Offer"));
            if (premium.deleteOffer(tenant.value(), id) == 0) {
                throw ProblemException.notFound("Offer");
            }
            audit.record(tenant, caller.actor(), "premium.offer.deleted", "offer", id.toString(), Map.of());
        });
    }

    private void checkPrice(TenantId tenant, String price) {
        String key = scope.read(tenant, () -> accounts.open(tenant).map(ContactStripeAccounts.Opened::secretKey)
                .orElseThrow(() -> ProblemException.conflict("Connect your Stripe account first "
                        + "(PUT /api/v1/premium/stripe-account).")));
        ContactStripeGateway.PriceCheck check;
        try {
            check = stripe.price(key, price);
        } catch (StripeKeyRejectedException e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
        if (!check.recurring()) {
            throw ProblemException.invalidField("stripePriceId", "must be a recurring price (a subscription)");
        }
        if (!check.active()) {
            throw ProblemException.invalidField("stripePriceId", "is archived in Stripe");
        }
    }

    private ContactOfferRow find(TenantId tenant, String offerId) {
        return Ids.parse(offerId).flatMap(id -> premium.offer(tenant.value(), id))
                .orElseThrow(() -> ProblemException.notFound("Offer"));
    }

    private static ProblemException duplicatePrice() {
        return ProblemException.conflict("Another offer already sells this Stripe price.");
    }

    static PremiumWire.OfferResponse view(ContactOfferRow row) {
        return new PremiumWire.OfferResponse(row.id().toString(), row.name(), row.stripePriceId(), row.tier(),
                "{{checkoutUrl:" + row.id() + "}}", row.createdAt(), row.updatedAt());
    }
}
