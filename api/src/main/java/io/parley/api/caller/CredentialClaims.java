package io.parley.api.caller;

/** Attribute names on the {@link io.micronaut.security.authentication.Authentication} of a request. */
public final class CredentialClaims {

    /** Active tenant id (JWT claim and API-key attribute). */
    public static final String TENANT = "tid";
    public static final String EMAIL = "email";
    /** Present only for API keys. */
    public static final String API_KEY_ID = "kid";
    public static final String API_KEY_ROLE = "krole";
    public static final String API_KEY_NAME = "kname";
    /** Present only on a platform admin's read-only impersonation token (docs/operator-console.md). */
    public static final String IMPERSONATION = "imp";

    private CredentialClaims() {
    }
}
