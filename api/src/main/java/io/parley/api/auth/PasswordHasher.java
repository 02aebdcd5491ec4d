package io.parley.api.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/**
 * bcrypt password hashes (cost from {@code parley.auth.bcrypt-cost}, at least 10).
 *
 * <p>bcrypt reads at most 72 <em>bytes</em> (the library throws beyond that, which was a 500 for 25 CJK
 * characters). Parley limits passwords to 72 UTF-8 bytes rather than pre-hashing them: a limit keeps every stored
 * hash a plain, portable bcrypt hash (no versioned format to migrate, other tools can verify it), and 72 bytes is
 * still 72 ASCII or 24 CJK characters, well above the 10-character minimum. The limit is documented
 * (docs/api/conventions.md) and reported as a 400 on sign-up; on sign-in a longer password simply does not match.
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

    /** bcrypt's input limit, in bytes. */
    static final int MAX_BYTES = 72;

    static boolean fits(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    boolean matches(String password, String hash) {
        if (!fits(password)) {
            matchesNothing("decoy"); // no account can have it; spend the same time as a real check
            return false;
        }
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the same time as a real check, for unknown emails. Always false. */
    boolean matchesNothing(String password) {
        matches(password, decoy);
        return false;
    }
}
