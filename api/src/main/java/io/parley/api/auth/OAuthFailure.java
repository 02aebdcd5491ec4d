package io.parley.api.auth;

/**
 * A provider sign-in that cannot finish. {@code reason} is a stable slug the dashboard shows in words
 * (sent in the callback's URL fragment, never a secret); the message is for the server's log only.
 */
final class OAuthFailure extends RuntimeException {

    static final String STATE = "state";
    static final String ID_TOKEN = "id_token";
    static final String EMAIL_NOT_VERIFIED = "email_not_verified";
    static final String PROVIDER = "provider";
    static final String DENIED = "denied";
    static final String ALREADY_LINKED = "already_linked";

    private final String reason;

    OAuthFailure(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    OAuthFailure(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
