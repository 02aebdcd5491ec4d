package io.parley.core.billing;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.billingportal.SessionCreateParams;
import io.micronaut.core.annotation.Nullable;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * Parley's calls to its own Stripe account, through a {@link StripeClient} of its own (base URL and key per client,
 * not stripe-java's global statics, so tests point it at a local fake). Requests carry the SDK's pinned API version;
 * objects read here therefore always parse. Failures become {@link StripeUnavailableException}; without an API key
 * every call is {@link BillingNotConfiguredException}.
 */
@Singleton
public final class StripeGateway {

    private static final Logger LOG = LoggerFactory.getLogger(StripeGateway.class);

    /** An invoice as the billing page lists it. */
    public record InvoiceSummary(String id, @Nullable String number, @Nullable String status, long amountDue,
                                 long amountPaid, String currency, Instant created, @Nullable String hostedUrl,
                                 @Nullable String pdfUrl) {
    }

    private final StripeSettings settings;
    private final @Nullable StripeClient client;

    StripeGateway(StripeSettings settings) {
        this.settings = settings;
        this.client = settings.configured() ? StripeClient.builder()
                .setApiKey(settings.apiKey())
                .setApiBase(settings.apiUrl())
                .setConnectTimeout((int) settings.timeout().toMillis())
                .setReadTimeout((int) settings.timeout().toMillis())
                .build() : null;
    }

    public boolean configured() {
        return client != null;
    }

    /** Creates the tenant's customer; the idempotency key makes a retried creation return the same customer. */
    public String createCustomer(TenantId tenant, String name, @Nullable String email) {
        CustomerCreateParams.Builder params = CustomerCreateParams.builder().setName(name)
                .putMetadata("tenant_id", tenant.toString());
        if (email != null) {
            params.setEmail(email);
        }
        return call("create a customer", () -> client().v1().customers()
                .create(params.build(), idempotent("customer-" + tenant)).getId());
    }

    /** A Checkout Session for a subscription to {@code priceId}; returns its URL. */
    public String checkoutUrl(TenantId tenant, String customerId, String planId, String priceId, String successUrl,
                              String cancelUrl) {
        com.stripe.param.checkout.SessionCreateParams params = com.stripe.param.checkout.SessionCreateParams.builder()
                .setMode(com.stripe.param.checkout.SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(customerId)
                .setClientReferenceId(tenant.toString())
                .addLineItem(com.stripe.param.checkout.SessionCreateParams.LineItem.builder()
                        .setPrice(priceId).setQuantity(1L).build())
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl)
                .putMetadata("tenant_id", tenant.toString())
                .putMetadata("plan", planId)
                .setSubscriptionData(com.stripe.param.checkout.SessionCreateParams.SubscriptionData.builder()
                        .putMetadata("tenant_id", tenant.toString()).putMetadata("plan", planId).build())
                .build();
        return call("create a checkout session", () -> client().v1().checkout().sessions().create(params).getUrl());
    }

    public String portalUrl(String customerId, String returnUrl) {
        SessionCreateParams params = SessionCreateParams.builder().setCustomer(customerId).setReturnUrl(returnUrl)
                .build();
        return call("create a portal session", () -> client().v1().billingPortal().sessions().create(params).getUrl());
    }

    public SubscriptionState subscription(String subscriptionId) {
        return call("read a subscription", () -> state(client().v1().subscriptions().retrieve(subscriptionId)));
    }

    /** Moves the subscription's plan item to {@code priceId}, prorated as Stripe does it. */
    public SubscriptionState changePrice(String subscriptionId, String planId, String priceId) {
        return call("change a subscription", () -> {
            Subscription current = client().v1().subscriptions().retrieve(subscriptionId);
            String itemId = current.getItems().getData().getFirst().getId();
            SubscriptionUpdateParams params = SubscriptionUpdateParams.builder()
                    .addItem(SubscriptionUpdateParams.Item.builder().setId(itemId).setPrice(priceId).build())
                    .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.CREATE_PRORATIONS)
                    .putMetadata("plan", planId)
                    .build();
            return state(client().v1().subscriptions().update(subscriptionId, params));
        });
    }

    public List<InvoiceSummary> invoices(String customerId, int limit) {
        InvoiceListParams params = InvoiceListParams.builder().setCustomer(customerId).setLimit((long) limit).build();
        return call("list invoices", () -> client().v1().invoices().list(params).getData().stream()
                .map(StripeGateway::summary).toList());
    }

    static SubscriptionState state(Subscription subscription) {
        List<SubscriptionItem> items = subscription.getItems() == null ? List.of() : subscription.getItems().getData();
        SubscriptionItem first = items.isEmpty() ? null : items.getFirst();
        return new SubscriptionState(subscription.getId(), subscription.getCustomer(), subscription.getStatus(),
                items.stream().filter(item -> item.getPrice() != null).map(item -> item.getPrice().getId()).toList(),
                first == null ? null : instant(first.getCurrentPeriodStart()),
                first == null ? null : instant(first.getCurrentPeriodEnd()),
                instant(subscription.getTrialEnd()), Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd()),
                subscription.getMetadata() == null ? null : subscription.getMetadata().get("plan"));
    }

    private static InvoiceSummary summary(Invoice invoice) {
        return new InvoiceSummary(invoice.getId(), invoice.getNumber(), invoice.getStatus(),
                invoice.getAmountDue() == null ? 0 : invoice.getAmountDue(),
                invoice.getAmountPaid() == null ? 0 : invoice.getAmountPaid(), invoice.getCurrency(),
                instant(invoice.getCreated()), invoice.getHostedInvoiceUrl(), invoice.getInvoicePdf());
    }

    /**
     * Reports one meter event (v1 {@code POST /v1/billing/meter_events}). {@code identifier} is Stripe's de-duplication
     * key and also the idempotency key: the same event sent again (a retry after a lost answer) is counted once.
     */
    public void reportMeterEvent(String eventName, String customerId, long value, String identifier, Instant when) {
        com.stripe.param.billing.MeterEventCreateParams params = com.stripe.param.billing.MeterEventCreateParams.builder()
                .setEventName(eventName)
                .putPayload("stripe_customer_id", customerId)
                .putPayload("value", Long.toString(value))
                .setIdentifier(identifier)
                .setTimestamp(when.getEpochSecond())
                .build();
        call("report a meter event", () -> client().v1().billing().meterEvents().create(params, idempotent(identifier)));
    }

    /** What Stripe aggregated on a meter for a customer in [from, to) (times on minute boundaries). */
    public long meterTotal(String meterId, String customerId, Instant from, Instant to) {
        com.stripe.param.billing.MeterEventSummaryListParams params =
                com.stripe.param.billing.MeterEventSummaryListParams.builder().setCustomer(customerId)
                        .setStartTime(from.getEpochSecond()).setEndTime(to.getEpochSecond()).setLimit(100L).build();
        return call("read a meter's summary", () -> {
            java.math.BigDecimal total = java.math.BigDecimal.ZERO;
            for (com.stripe.model.billing.MeterEventSummary summary
                    : client().v1().billing().meters().eventSummaries().list(meterId, params).autoPagingIterable()) {
                total = total.add(summary.getAggregatedValue() == null ? java.math.BigDecimal.ZERO
                        : summary.getAggregatedValue());
            }
            return total.longValue();
        });
    }

    /**
     * A customer balance transaction (docs/billing.md, "Credit"): {@code amount} is what was credited (positive),
     * {@code endingBalance} the customer's balance after it as Stripe keeps it (negative = credit left).
     */
    public record BalanceCredit(String transactionId, long amount, String currency, long endingBalance,
                                Instant created) {
    }

    /** A customer's balance as Stripe keeps it (negative = credit the next invoices use first), in its currency. */
    public record CustomerBalance(long balance, @Nullable String currency) {
    }

    /**
     * Credits {@code amount} (minor units) to the customer's balance: {@code POST /v1/customers/{id}/balance_transactions}
     * with a negative amount. Every attempt carries {@code idempotencyKey}, including stripe-java's own retries after
     * a connection or read timeout (up to 2 here), so Stripe applies a grant whose answer was lost once and replays it.
     */
    public BalanceCredit creditBalance(String customerId, long amount, String currency, String description,
                                       String idempotencyKey) {
        com.stripe.param.CustomerBalanceTransactionCreateParams params =
                com.stripe.param.CustomerBalanceTransactionCreateParams.builder().setAmount(-amount)
                        .setCurrency(currency).setDescription(description)
                        .putMetadata("idempotency_key", idempotencyKey).build();
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(idempotencyKey).setMaxNetworkRetries(2)
                .build();
        return call("credit a customer's balance", () -> {
            com.stripe.model.CustomerBalanceTransaction made = client().v1().customers().balanceTransactions()
                    .create(customerId, params, options);
            return new BalanceCredit(made.getId(), -made.getAmount(), made.getCurrency(), made.getEndingBalance(),
                    instant(made.getCreated()));
        });
    }

    public CustomerBalance balance(String customerId) {
        return call("read a customer's balance", () -> {
            com.stripe.model.Customer customer = client().v1().customers().retrieve(customerId);
            return new CustomerBalance(customer.getBalance() == null ? 0 : customer.getBalance(),
                    customer.getCurrency());
        });
    }

    @Nullable
    private static Instant instant(@Nullable Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }

    private StripeClient client() {
        if (client == null) {
            throw new BillingNotConfiguredException();
        }
        return client;
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private <T> T call(String what, StripeCall<T> call) {
        try {
            return call.run();
        } catch (StripeException e) {
            // Stripe's own message can quote a (masked) key: log the status and code only.
            LOG.warn("Stripe could not {} at {}: HTTP {} {}", what, settings.apiUrl(), e.getStatusCode(), e.getCode());
            throw new StripeUnavailableException("Stripe could not " + what + " (HTTP " + e.getStatusCode() + ")", e);
        } catch (RuntimeException e) {
            if (e instanceof BillingNotConfiguredException) {
                throw e;
            }
            LOG.warn("Stripe could not {} at {}: {}", what, settings.apiUrl(), e.getClass().getSimpleName());
            throw new StripeUnavailableException("Stripe could not " + what, e);
        }
    }
}
