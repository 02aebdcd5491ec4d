package io.parley.core.secrets;

/** A sealed secret could not be opened. The message never contains key material or plaintext. */
public final class SecretUnreadableException extends RuntimeException {

    public SecretUnreadableException(String message) {
        super(message);
    }
}
