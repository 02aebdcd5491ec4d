package io.parley.api.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/**
 * bcrypt password hashes (cost from {@code parley.auth.bcrypt-cost}, at least 10). Passwords longer than bcrypt's
 * 72-byte input are rejected at validation, not silently truncated.
 */
@Singleton
final class PasswordHasher {

    private final int cost;
    /** Compared against when the email is unknown, so a miss costs as much time as a hit. */
    private final String decoy;

    PasswordHasher(@Value("${parley.auth.bcrypt-cost:12}") int cost) {
        this.cost = Math.max(10, cost);
        this.decoy = hash("decoy-password-for-timing");
    }

    String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    boolean matches(String password, String hash) {
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the same time as a real check, for unknown emails. Always false. */
    boolean matchesNothing(String password) {
        matches(password, decoy);
        return false;
    }
}
