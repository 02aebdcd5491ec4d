package io.parley.core.billing;

/** Billing was used without STRIPE_API_KEY: the API answers 503 problem billing-not-configured. */
public final class BillingNotConfiguredException extends RuntimeException {

    public BillingNotConfiguredException() {
        super("Billing is not configured on this Parley (no STRIPE_API_KEY); plans are assigned by the operator.",
                null, false, false);
    }
}
