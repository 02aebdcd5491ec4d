package io.parley.core.premium;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.audit.Actor;
import io.parley.core.audit.AuditLog;
import io.parley.core.contact.ContactRepository;
import io.parley.core.contact.ContactRow;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies a contact's subscription, as read from the tenant's Stripe now, to the contact's tier. Call inside the
 * tenant's write scope.
 *
 * <p>Which contact: the subscription's metadata (Parley puts it there at checkout), else the contact already stored
 * for the subscription, else the checkout session's {@code client_reference_id}. Which tier: the offer of the
 * subscription's price, else the offer in the metadata.
 *
 * <p>The tier is given when the subscription starts granting (active, trialing, past_due) and taken back when it
 * stops (canceled, unpaid, incomplete_expired, paused): the contact gets back the tier it had before, unless an agent
 * changed the tier in between (the change is compare-and-set on the contact's tier) or another live subscription of
 * the contact gives the same tier. Because the state is Stripe's current one, an event processed late, twice or out
 * of order applies the same state and changes nothing more.
 */
@Singleton
public final class ContactPremiumSync {

    private static final Logger LOG = LoggerFactory.getLogger(ContactPremiumSync.class);
    public static final String DEFAULT_TIER = "free";

    private final ContactSubscriptionRepository subscriptions;
    private final ContactPremiumRepository premium;
    private final ContactRepository contacts;
    private final AuditLog audit;

    ContactPremiumSync(ContactSubscriptionRepository subscriptions, ContactPremiumRepository premium,
                       ContactRepository contacts, AuditLog audit) {
        this.subscriptions = subscriptions;
        this.premium = premium;
        this.contacts = contacts;
        this.audit = audit;
    }

    /** Returns whether anything changed. */
    public boolean apply(TenantId tenant, ContactSubscriptionState state, @Nullable String contactHint, Actor actor) {
        String metadataTenant = state.metadata().get(ContactStripeGateway.TENANT);
        if (metadataTenant != null && !metadataTenant.equals(tenant.toString())) {
            LOG.info("Subscription {} belongs to another tenant's checkout; ignored for tenant {}", state.id(), tenant);
            return false;
        }
        Optional<ContactSubscriptionRow> stored = subscriptions.lock(tenant.value(), state.id());
        UUID contactId = Ids.parse(state.metadata().get(ContactStripeGateway.CONTACT))
                .or(() -> stored.map(ContactSubscriptionRow::contactId))
                .or(() -> Ids.parse(contactHint)).orElse(null);
        ContactRow contact = contactId == null ? null : contacts.findForUpdate(tenant.value(), contactId).orElse(null);
        if (contact == null) {
            LOG.info("Subscription {} of tenant {} names no contact of the tenant; ignored", state.id(), tenant);
            return false;
        }
        ContactOfferRow offer = state.priceIds().stream()
                .map(price -> premium.offerForPrice(tenant.value(), price)).flatMap(Optional::stream).findFirst()
                .or(() -> Ids.parse(state.metadata().get(ContactStripeGateway.OFFER))
                        .flatMap(id -> premium.offer(tenant.value(), id)))
                .orElse(null);
        String tier = offer != null ? offer.tier() : stored.map(ContactSubscriptionRow::tier).orElse(null);
        boolean grantedBefore = stored.map(row -> row.tier() != null && ContactSubscriptionState.grants(row.status())).orElse(false);
        boolean grantsNow = tier != null && state.grantsTier();
        String tierBefore = stored.map(ContactSubscriptionRow::tierBefore).orElse(null);
        String action = null;
        String newTier = null;
        if (grantsNow && !grantedBefore) {
            tierBefore = contact.tier();
            if (!tier.equals(contact.tier())) {
                subscriptions.setTier(tenant.value(), contact.id(), contact.tier(), tier);
                action = "contact.tier.granted";
                newTier = tier;
            }
        } else if (!grantsNow && grantedBefore) {
            String granted = stored.get().tier();
            String revertTo = tierBefore != null && !tierBefore.equals(granted) ? tierBefore : DEFAULT_TIER;
            if (!revertTo.equals(granted) && granted.equals(contact.tier())
                    && !subscriptions.otherGrants(tenant.value(), contact.id(), state.id(), granted)) {
                subscriptions.setTier(tenant.value(), contact.id(), granted, revertTo);
                action = "contact.tier.reverted";
                newTier = revertTo;
            }
        }
        boolean changed = stored.isEmpty() || !Objects.equals(stored.get().status(), state.status())
                || !Objects.equals(stored.get().tier(), tier)
                || !Objects.equals(stored.get().currentPeriodEnd(), state.periodEnd())
                || stored.get().cancelAtPeriodEnd() != state.cancelAtPeriodEnd()
                || !Objects.equals(stored.get().offerId(), offer == null ? stored.get().offerId() : offer.id());
        if (!changed && action == null) {
            return false;
        }
        subscriptions.save(tenant.value(), state.id(), contact.id(),
                offer != null ? offer.id() : stored.map(ContactSubscriptionRow::offerId).orElse(null),
                state.customerId(), state.status(), tier, tierBefore, state.periodEnd(), state.cancelAtPeriodEnd());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("subscription", state.id());
        details.put("status", state.status());
        stored.ifPresent(row -> details.put("previousStatus", row.status()));
        if (tier != null) {
            details.put("tier", tier);
        }
        audit.record(tenant, actor, "contact.subscription.updated", "contact", contact.id().toString(), details);
        if (action != null) {
            audit.record(tenant, actor, action, "contact", contact.id().toString(),
                    Map.of("subscription", state.id(), "tier", newTier));
        }
        return true;
    }

}
