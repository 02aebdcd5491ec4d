package io.parley.api.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.parley.api.caller.CredentialClaims;
import io.parley.api.token.TenantBoundToken;
import io.parley.core.account.RefreshTokenRepository;
import io.parley.core.account.TenantRow;
import io.parley.core.account.UserRow;
import io.parley.core.tenancy.Ids;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Issues the token pair of a session: a 15-minute JWT access token naming the user and the active tenant, and an
 * opaque 7-day refresh token of a rotation family (only its SHA-256 is stored).
 */
@Singleton
final class TokenIssuer {

    static final int ACCESS_TOKEN_SECONDS = 900;
    private static final String REFRESH_PREFIX = "prt_";

    private final TokenGenerator tokens;
    private final RefreshTokenRepository refreshTokens;
    private final AuthConfiguration configuration;
    private final SecureRandom random = new SecureRandom();

    TokenIssuer(TokenGenerator tokens, RefreshTokenRepository refreshTokens, AuthConfiguration configuration) {
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.configuration = configuration;
    }

    /** Issues a pair; call inside the transaction that authenticated the user. */
    TokenResponse issue(UserRow user, @Nullable TenantRow tenant, UUID familyId) {
        Map<String, Object> claims = new HashMap<>();
        claims.put(CredentialClaims.EMAIL, user.email());
        if (tenant != null) {
            claims.put(CredentialClaims.TENANT, tenant.id().toString());
        }
        String accessToken = tokens.generateToken(Authentication.build(user.id().toString(), claims), ACCESS_TOKEN_SECONDS)
                .orElseThrow(() -> new IllegalStateException("JWT generation failed"));
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String refreshToken = REFRESH_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expires = Instant.now().plus(Duration.ofDays(configuration.refreshTokenDays()));
        refreshTokens.insert(Ids.next(), familyId, user.id(), tenant == null ? null : tenant.id(),
                TenantBoundToken.sha256(refreshToken), expires);
        return new TokenResponse(accessToken, refreshToken, "Bearer", ACCESS_TOKEN_SECONDS,
                tenant == null ? null : new TokenResponse.TenantSummary(tenant.id().toString(), tenant.name()),
                new TokenResponse.UserSummary(user.id().toString(), user.email(), user.emailVerified()));
    }

    static byte[] hashOf(String refreshToken) {
        return TenantBoundToken.sha256(refreshToken);
    }
}
