package io.parley.core.billing;

/**
 * Stripe could not be reached or refused a call. The message is Parley's own (never Stripe's text, which may quote a
 * masked key); the API answers 502, a webhook job retries with backoff.
 */
public final class StripeUnavailableException extends RuntimeException {

    public StripeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
