package io.parley.api.premium;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.parley.api.caller.Caller;
import io.parley.core.ServerRoles;
import io.parley.core.audit.AuditLog;
import io.parley.core.contact.ContactRepository;
import io.parley.core.contact.ContactRow;
import io.parley.core.premium.CheckoutLinkSigner;
import io.parley.core.premium.CheckoutLinks;
import io.parley.core.premium.ContactOfferRow;
import io.parley.core.premium.ContactPremiumRepository;
import io.parley.core.premium.ContactStripeAccounts;
import io.parley.core.premium.ContactStripeGateway;
import io.parley.core.premium.ContactSubscriptionRepository;
import io.parley.core.premium.ContactSubscriptionRow;
import io.parley.core.premium.ContactSubscriptionState;
import io.parley.core.premium.StripeKeyRejectedException;
import io.parley.core.billing.StripeUnavailableException;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import io.parley.http.ratelimit.RateLimiter;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A contact's checkout links and subscriptions. A link is Parley's own signed URL (CheckoutLinks); opening it makes
 * the Stripe Checkout Session there and then ({@link #open}), with the tenant's key, so the link outlives the
 * session's 24 hours. Opening is public (the token is the credential) and limited per client IP like the setup page.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
class ContactCheckoutService {

    private final TenantScope scope;
    private final ContactRepository contacts;
    private final ContactPremiumRepository premium;
    private final ContactSubscriptionRepository subscriptions;
    private final ContactStripeAccounts accounts;
    private final ContactStripeGateway stripe;
    private final CheckoutLinks links;
    private final CheckoutLinkSigner signer;
    private final AuditLog audit;
    private final RateLimiter limiter;
    private final RateLimiter.Limit perIp;
    private final String publicUrl;

    ContactCheckoutService(TenantScope scope, ContactRepository contacts, ContactPremiumRepository premium,
                           ContactSubscriptionRepository subscriptions, ContactStripeAccounts accounts,
                           ContactStripeGateway stripe, CheckoutLinks links, CheckoutLinkSigner signer,
                           AuditLog audit, RateLimiter limiter,
                           @Value("${parley.rate-limits.setup-per-ip-per-minute:30}") int perIpPerMinute,
                           @Value("${parley.public-url}") String publicUrl) {
        this.scope = scope;
        this.contacts = contacts;
        this.premium = premium;
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.stripe = stripe;
        this.links = links;
        this.signer = signer;
        this.audit = audit;
        this.limiter = limiter;
        this.perIp = RateLimiter.Limit.perMinute(perIpPerMinute);
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    PremiumWire.CheckoutLinkResponse createLink(Caller caller, String contactId, String offerId) {
        TenantId tenant = caller.requireTenant(Role.AGENT);
        return scope.write(tenant, () -> {
            ContactRow contact = contact(tenant, contactId);
            ContactOfferRow offer = Ids.parse(offerId).flatMap(id -> premium.offer(tenant.value(), id))
                    .orElseThrow(() -> ProblemException.notFound("Offer"));
            if (contact.blocked()) {
                throw ProblemException.conflict("This contact is blocked; unblock it before sending a checkout link.");
            }
            if (premium.account(tenant.value()).isEmpty()) {
                throw ProblemException.conflict("Connect your Stripe account first "
                        + "(PUT /api/v1/premium/stripe-account).");
            }
            CheckoutLinks.Link link = links.link(tenant, contact.id(), offer.id());
            audit.record(tenant, caller.actor(), "contact.checkout_link_created", "contact", contact.id().toString(),
                    Map.of("offer", offer.id().toString(), "expiresAt", link.expiresAt().toString()));
            return new PremiumWire.CheckoutLinkResponse(link.url(), link.expiresAt());
        });
    }

    List<PremiumWire.SubscriptionResponse> subscriptions(Caller caller, String contactId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> {
            ContactRow contact = contact(tenant, contactId);
            Map<UUID, ContactOfferRow> offers = premium.offers(tenant.value()).stream()
                    .collect(Collectors.toMap(ContactOfferRow::id, Function.identity()));
            return subscriptions.ofContacts(tenant.value(), List.of(contact.id())).stream().map(row -> {
                ContactOfferRow offer = row.offerId() == null ? null : offers.get(row.offerId());
                return new PremiumWire.SubscriptionResponse(row.stripeSubscriptionId(),
                        row.offerId() == null ? null : row.offerId().toString(), offer == null ? null : offer.name(),
                        row.status(), row.tier(), row.currentPeriodEnd(), row.cancelAtPeriodEnd(), row.updatedAt());
            }).toList();
        });
    }

    /** The Stripe Checkout URL for a link's contact and offer, made now. */
    String open(String token, String ip) {
        RateLimiter.Decision decision = limiter.tryAcquire("checkout-ip:" + ip, perIp);
        if (!decision.allowed()) {
            throw ProblemException.rateLimited(decision.retryAfterSeconds(),
                    "Too many checkout requests from this address; try again in " + decision.retryAfterSeconds()
                            + " s.");
        }
        CheckoutLinkSigner.Claims claims = signer.verify(token).orElseThrow(ContactCheckoutService::invalid);
        if (!claims.expiresAt().isAfter(Instant.now())) {
            throw new ProblemException(ProblemKind.INVALID_TOKEN, "This checkout link expired at "
                    + claims.expiresAt() + "; ask for a new one in the chat.");
        }
        TenantId tenant = claims.tenant();
        record Checkout(ContactOfferRow offer, ContactStripeAccounts.Opened account, String customer) {
            @Override
            public String toString() {
                return "Checkout[" + offer.id() + "]";
            }
        }
        Checkout checkout = scope.read(tenant, () -> {
            ContactRow contact = contacts.find(tenant.value(), claims.contact())
                    .orElseThrow(ContactCheckoutService::invalid);
            if (contact.blocked()) {
                throw ProblemException.forbidden("This checkout link can no longer be used.");
            }
            ContactOfferRow offer = premium.offer(tenant.value(), claims.offer())
                    .orElseThrow(() -> ProblemException.notFound("Offer"));
            ContactStripeAccounts.Opened account = accounts.open(tenant)
                    .orElseThrow(() -> ProblemException.notFound("Offer"));
            List<ContactSubscriptionRow> held = subscriptions.ofContacts(tenant.value(), List.of(contact.id()));
            if (held.stream().anyMatch(row -> offer.id().equals(row.offerId())
                    && ContactSubscriptionState.grants(row.status()))) {
                throw ProblemException.conflict("You already subscribe to this offer.");
            }
            String customer = held.stream().map(ContactSubscriptionRow::stripeCustomerId).filter(Objects::nonNull)
                    .findFirst().orElse(null);
            return new Checkout(offer, account, customer);
        });
        String back = checkout.account().row().returnUrl() != null ? checkout.account().row().returnUrl() : publicUrl;
        try {
            return stripe.checkoutUrl(checkout.account().secretKey(), tenant, claims.contact(), checkout.offer().id(),
                    checkout.offer().stripePriceId(), checkout.customer(), back, back);
        } catch (StripeKeyRejectedException e) {
            // The tenant's key was revoked since it was connected: for the contact, Stripe is simply unavailable.
            throw new StripeUnavailableException("Stripe could not create a checkout session", e);
        }
    }

    private ContactRow contact(TenantId tenant, String contactId) {
        return Ids.parse(contactId).flatMap(id -> contacts.find(tenant.value(), id))
                .orElseThrow(() -> ProblemException.notFound("Contact"));
    }

    private static ProblemException invalid() {
        return new ProblemException(ProblemKind.INVALID_TOKEN, "This checkout link is not valid.");
    }
}
