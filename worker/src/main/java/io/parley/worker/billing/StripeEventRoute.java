package io.parley.worker.billing;

import com.stripe.model.Event;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What the webhook needs from a verified Stripe event: its id, type, the customer (which names the tenant) and the
 * subscription to re-read. Read from the raw {@code data.object} JSON, not stripe-java's typed object: the typed
 * object exists only when the endpoint's API version equals the SDK's, and the fields used here are the same in
 * every version (README §4.1: an invoice's subscription moved to {@code parent.subscription_details} in basil; the
 * top-level field is the fallback).
 */
public record StripeEventRoute(String id, String type, Instant created, @Nullable String customerId,
                        @Nullable String subscriptionId) {

    public static final Set<String> HANDLED = Set.of("checkout.session.completed", "customer.subscription.created",
            "customer.subscription.updated", "customer.subscription.deleted", "customer.subscription.trial_will_end",
            "invoice.paid", "invoice.payment_failed");

    /** Empty for event types billing does not act on. */
    public static Optional<StripeEventRoute> of(Event event, JsonMapper json) throws IOException {
        if (!HANDLED.contains(event.getType()) || event.getData() == null) {
            return Optional.empty();
        }
        JsonNode object = json.readValue(event.getDataObjectDeserializer().getRawJson(), JsonNode.class);
        if (object == null || !object.isObject()) {
            return Optional.empty();
        }
        String subscription = switch (event.getType()) {
            case "checkout.session.completed" -> string(object, "subscription");
            case "invoice.paid", "invoice.payment_failed" -> invoiceSubscription(object);
            default -> string(object, "id");
        };
        Instant created = Instant.ofEpochSecond(event.getCreated() == null ? 0 : event.getCreated());
        return Optional.of(new StripeEventRoute(event.getId(), event.getType(), created, string(object, "customer"),
                subscription));
    }

    @Nullable
    private static String invoiceSubscription(JsonNode invoice) {
        JsonNode parent = object(invoice, "parent");
        JsonNode details = parent == null ? null : object(parent, "subscription_details");
        String subscription = details == null ? null : string(details, "subscription");
        return subscription != null ? subscription : string(invoice, "subscription");
    }

    @Nullable
    private static JsonNode object(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        return value != null && value.isObject() ? value : null;
    }

    /** A string field, or the id of an expanded object in its place. */
    @Nullable
    private static String string(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isObject()) {
            return string(value, "id");
        }
        return value.isString() ? value.getStringValue() : null;
    }
}
