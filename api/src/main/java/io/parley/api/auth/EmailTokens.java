package io.parley.api.auth;

import io.parley.api.token.TenantBoundToken;
import io.parley.core.account.EmailTokenRepository;
import io.parley.core.account.EmailTokenRow;
import io.parley.core.account.UserRow;
import io.parley.core.tenancy.Ids;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The single-use tokens of verification and reset links: 256 random bits, only their SHA-256 stored, spent exactly
 * once (a conditional UPDATE, so two concurrent uses cannot both win), refused once expired.
 */
@Singleton
final class EmailTokens {

    static final String INVALID = "This link is invalid, has expired or was already used; ask for a new one.";

    private final EmailTokenRepository tokens;
    private final SecureRandom random = new SecureRandom();

    EmailTokens(EmailTokenRepository tokens) {
        this.tokens = tokens;
    }

    /** A new token of {@code purpose} for the user's current address; answers the secret to put in the link. */
    String issue(UserRow user, String purpose, Duration lifetime) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.insert(Ids.next(), user.id(), purpose, user.email(), TenantBoundToken.sha256(secret),
                Instant.now().plus(lifetime));
        return secret;
    }

    /** Spends the token, or 401 invalid-token: unknown, of another purpose, expired or already spent. */
    EmailTokenRow spend(String secret, String purpose) {
        return tokens.find(TenantBoundToken.sha256(secret), purpose)
                .filter(token -> tokens.spend(token.id()) == 1)
                .orElseThrow(() -> new ProblemException(ProblemKind.INVALID_TOKEN, INVALID));
    }

    void spendAll(UserRow user, String purpose) {
        tokens.spendAll(user.id(), purpose);
    }
}
