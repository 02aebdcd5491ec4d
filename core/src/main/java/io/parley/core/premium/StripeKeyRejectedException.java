package io.parley.core.premium;

/**
 * The tenant's Stripe answered that its key is wrong (401) or may not do what Parley needs (403), or that a price
 * does not exist: the tenant's input is at fault (the API answers 400), unlike {@code StripeUnavailableException}.
 * The message is Parley's own, never Stripe's text (which can quote a masked key).
 */
public final class StripeKeyRejectedException extends RuntimeException {

    private final String field;

    public StripeKeyRejectedException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault: {@code secretKey} or {@code stripePriceId}. */
    public String field() {
        return field;
    }
}
