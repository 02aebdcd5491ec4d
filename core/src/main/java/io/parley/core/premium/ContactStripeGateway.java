package io.parley.core.premium;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionListParams;
import io.micronaut.core.annotation.Nullable;
import io.parley.core.billing.StripeSettings;
import io.parley.core.billing.StripeUnavailableException;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Calls to a tenant's own Stripe account with the tenant's key: a {@link StripeClient} per call (cheap: no
 * connection pool of its own), at Parley's Stripe API base ({@code PARLEY_STRIPE_API_URL}, so tests reach a local
 * fake). A key Stripe refuses (401/403) or a price it does not know is {@link StripeKeyRejectedException}; any other
 * failure is {@link StripeUnavailableException}. Neither carries Stripe's text, which can quote a masked key.
 */
@Singleton
public final class ContactStripeGateway {

    private static final Logger LOG = LoggerFactory.getLogger(ContactStripeGateway.class);

    /** Metadata keys Parley puts on a contact's Checkout Session and subscription. */
    public static final String TENANT = "parley_tenant_id";
    public static final String CONTACT = "parley_contact_id";
    public static final String OFFER = "parley_offer_id";

    /** A price as the offers API checks it. */
    public record PriceCheck(String id, boolean recurring, boolean active) {
    }

    private final StripeSettings settings;

    ContactStripeGateway(StripeSettings settings) {
        this.settings = settings;
    }

    /**
     * Proves the key works for what Parley does with it: listing Checkout Sessions needs the same permission
     * (Checkout Sessions) as creating them, so a restricted key with only that and Subscriptions read passes.
     */
    public void verifyKey(String secretKey) {
        call(secretKey, "verify the key", () -> client(secretKey).v1().checkout().sessions()
                .list(SessionListParams.builder().setLimit(1L).build()));
    }

    public PriceCheck price(String secretKey, String priceId) {
        try {
            Price price = client(secretKey).v1().prices().retrieve(priceId);
            return new PriceCheck(price.getId(), price.getRecurring() != null, Boolean.TRUE.equals(price.getActive()));
        } catch (InvalidRequestException e) {
            if (e.getStatusCode() != null && e.getStatusCode() == 404) {
                throw new StripeKeyRejectedException("stripePriceId", "Stripe has no price " + priceId
                        + " in the connected account");
            }
            throw unavailable("read a price", e);
        } catch (StripeException e) {
            throw translate("read a price", e);
        }
    }

    /**
     * A Checkout Session (mode subscription) for one contact: {@code client_reference_id} is the contact, and the
     * session's and the subscription's metadata name tenant, contact and offer, so every later event of the
     * subscription leads back to them. Returns the session's URL (valid 24 h, which is why messages carry Parley's
     * own link that creates the session when clicked).
     */
    public String checkoutUrl(String secretKey, TenantId tenant, UUID contact, UUID offer, String priceId,
                              @Nullable String customerId, String successUrl, String cancelUrl) {
        Map<String, String> metadata = Map.of(TENANT, tenant.toString(), CONTACT, contact.toString(),
                OFFER, offer.toString());
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setClientReferenceId(contact.toString())
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(priceId).setQuantity(1L).build())
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl)
                .putAllMetadata(metadata)
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder().putAllMetadata(metadata).build());
        if (customerId != null) {
            params.setCustomer(customerId); // the contact pays again as the same Stripe customer
        }
        return call(secretKey, "create a checkout session",
                () -> client(secretKey).v1().checkout().sessions().create(params.build()).getUrl());
    }

    public ContactSubscriptionState subscription(String secretKey, String subscriptionId) {
        return call(secretKey, "read a subscription", () -> {
            Subscription subscription = client(secretKey).v1().subscriptions().retrieve(subscriptionId);
            List<SubscriptionItem> items = subscription.getItems() == null ? List.of()
                    : subscription.getItems().getData();
            SubscriptionItem first = items.isEmpty() ? null : items.getFirst();
            return new ContactSubscriptionState(subscription.getId(), subscription.getCustomer(),
                    subscription.getStatus(),
                    items.stream().filter(item -> item.getPrice() != null).map(item -> item.getPrice().getId())
                            .toList(),
                    first == null || first.getCurrentPeriodEnd() == null ? null
                            : Instant.ofEpochSecond(first.getCurrentPeriodEnd()),
                    Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd()),
                    subscription.getMetadata() == null ? Map.of() : Map.copyOf(subscription.getMetadata()));
        });
    }

    private StripeClient client(String secretKey) {
        return StripeClient.builder()
                .setApiKey(secretKey)
                .setApiBase(settings.apiUrl())
                .setConnectTimeout((int) settings.timeout().toMillis())
                .setReadTimeout((int) settings.timeout().toMillis())
                .build();
    }

    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private <T> T call(String secretKey, String what, StripeCall<T> call) {
        try {
            return call.run();
        } catch (StripeException e) {
            throw translate(what, e);
        } catch (RuntimeException e) {
            LOG.warn("The tenant's Stripe could not {} at {}: {}", what, settings.apiUrl(), e.getClass().getSimpleName());
            throw new StripeUnavailableException("Stripe could not " + what, e);
        }
    }

    private RuntimeException translate(String what, StripeException e) {
        // PermissionException extends AuthenticationException in stripe-java: test it first.
        if (e instanceof PermissionException) {
            return new StripeKeyRejectedException("secretKey", "this key may not " + what + " (HTTP 403); a "
                    + "restricted key needs Checkout Sessions write, Subscriptions read and Prices read");
        }
        if (e instanceof AuthenticationException) {
            return new StripeKeyRejectedException("secretKey", "Stripe does not accept this key (HTTP 401)");
        }
        return unavailable(what, e);
    }

    private StripeUnavailableException unavailable(String what, StripeException e) {
        // Stripe's own message can quote a (masked) key: log the status and code only.
        LOG.warn("The tenant's Stripe could not {} at {}: HTTP {} {}", what, settings.apiUrl(), e.getStatusCode(),
                e.getCode());
        return new StripeUnavailableException("Stripe could not " + what + " (HTTP " + e.getStatusCode() + ")", e);
    }
}
