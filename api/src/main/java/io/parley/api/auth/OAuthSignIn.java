package io.parley.api.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.parley.api.token.TenantBoundToken;
import io.parley.core.account.OAuthAttemptRepository;
import io.parley.core.account.OAuthAttemptRow;
import io.parley.core.account.RefreshTokenRepository;
import io.parley.core.account.UserIdentityRepository;
import io.parley.core.account.UserIdentityRow;
import io.parley.core.account.UserRepository;
import io.parley.core.account.UserRow;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.tenancy.UserId;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in (and linking) through a provider, authorization code + PKCE. Written by hand on nimbus-jose-jwt rather than
 * with micronaut-security-oauth2: that module is not on this build's Maven mirror, and it ends a login in its own
 * session/cookie model, while Parley answers its own 15-minute JWT + rotating refresh token pair (TokenIssuer).
 * <p>
 * The state is single-use, expires in 10 minutes and is bound to the browser that started (the SHA-256 of an
 * HttpOnly cookie is stored with it), so a callback URL replayed or planted in another browser fails. The callback
 * hands the dashboard a 60-second single-use code in the URL fragment (never sent to a server, so never logged); the
 * dashboard exchanges it for tokens with a POST.
 */
@Singleton
final class OAuthSignIn {

    static final Duration ATTEMPT_LIFETIME = Duration.ofMinutes(10);
    static final Duration HANDOFF_LIFETIME = Duration.ofSeconds(60);
    /** Concurrent first sign-ins of one identity: each retry reads what the winner committed ({@link #signIn}). */
    static final int MAX_SIGN_IN_ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(OAuthSignIn.class);

    private final SignInProviders providers;
    private final OAuthAttemptRepository attempts;
    private final UserIdentityRepository identities;
    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final TenantScope scope;
    private final AuthService auth;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();

    OAuthSignIn(SignInProviders providers, OAuthAttemptRepository attempts, UserIdentityRepository identities,
                UserRepository users, RefreshTokenRepository refreshTokens, TenantScope scope, AuthService auth,
                @Value("${parley.public-url}") String publicUrl) {
        this.providers = providers;
        this.attempts = attempts;
        this.identities = identities;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.scope = scope;
        this.auth = auth;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** Where the browser goes next, and the browser-binding secret to set as a cookie. */
    record Start(String authorizationUrl, String browserSecret) {
    }

    /** Starts a sign-in, or a link to {@code linkUser} when not null. Unknown provider → 404. */
    Start start(String providerId, @Nullable UserId linkUser) {
        SignInProvider provider = provider(providerId);
        String state = secret();
        String nonce = secret();
        String verifier = secret();
        String browser = secret();
        String url;
        try {
            url = provider.authorizationUrl(redirectUri(providerId), state, nonce, challenge(verifier));
        } catch (OAuthFailure e) {
            LOG.warn("Sign-in with {} cannot start: {}", providerId, e.getMessage());
            throw new ProblemException(ProblemKind.PROVIDER_UNREACHABLE,
                    "The sign-in provider cannot be reached; try again later.");
        }
        attempts.insert(sha256(state), providerId, sha256(browser), verifier, nonce,
                linkUser == null ? null : linkUser.value(), Instant.now().plus(ATTEMPT_LIFETIME));
        return new Start(url, browser);
    }

    /**
     * Finishes at the callback and answers the dashboard URL to redirect to: {@code /auth/callback#code=…} (a
     * sign-in), {@code #linked=<provider>} (a link) or {@code #error=<reason>}.
     */
    String callback(String providerId, @Nullable String code, @Nullable String state, @Nullable String browserSecret,
                    @Nullable String error) {
        try {
            SignInProvider provider = providers.find(providerId)
                    .orElseThrow(() -> new OAuthFailure(OAuthFailure.STATE, "unknown provider " + providerId));
            if (error != null) {
                throw new OAuthFailure(OAuthFailure.DENIED, "the provider answered error=" + error);
            }
            if (code == null || state == null || browserSecret == null) {
                throw new OAuthFailure(OAuthFailure.STATE, "code, state or the browser cookie is missing");
            }
            byte[] stateHash = sha256(state);
            OAuthAttemptRow attempt = attempts.findOpen(stateHash)
                    .filter(a -> attempts.spend(stateHash) == 1) // spent before any other check: one try per state
                    .filter(a -> a.provider().equals(providerId))
                    .filter(a -> MessageDigest.isEqual(a.browserHash(), sha256(browserSecret)))
                    .orElseThrow(() -> new OAuthFailure(OAuthFailure.STATE, "unknown, spent, expired or foreign state"));
            ProviderProfile profile = provider.profile(code, attempt.codeVerifier(), attempt.nonce(),
                    redirectUri(providerId));
            if (attempt.linkUserId() != null) {
                link(new UserId(attempt.linkUserId()), providerId, profile);
                return publicUrl + "/auth/callback#linked=" + providerId;
            }
            UserRow user = signIn(providerId, profile);
            String handoff = secret();
            attempts.insertHandoff(sha256(handoff), user.id(), Instant.now().plus(HANDOFF_LIFETIME));
            return publicUrl + "/auth/callback#code=" + handoff;
        } catch (OAuthFailure e) {
            LOG.info("Sign-in with {} failed ({}): {}", providerId, e.reason(), e.getMessage());
            return publicUrl + "/auth/callback#error=" + e.reason();
        }
    }

    /** Spends a hand-off code for Parley's token pair. */
    TokenResponse exchange(String code) {
        byte[] hash = sha256(code);
        UUID user = attempts.findOpenHandoff(hash).filter(u -> attempts.spendHandoff(hash) == 1).orElseThrow(() -> new ProblemException(ProblemKind.INVALID_TOKEN,
                "This sign-in code is invalid, expired or already used; sign in again."));
        return auth.startSession(new UserId(user));
    }

    /**
     * Two first sign-ins of one provider identity at once (two tabs, a double-clicked "Continue") both find no
     * identity and both create the account or link it: the unique indexes on users.email and on the identity
     * (provider, subject) let one win, and the loser's insert fails. The loser then simply signs in again, and now
     * finds the winner's user or identity: one user, both requests signed in. Each retry reads what committed since,
     * so a third attempt is only needed when a third request raced too.
     */
    private UserRow signIn(String providerId, ProviderProfile profile) {
        for (int attempt = 1; ; attempt++) {
            try {
                return signInOnce(providerId, profile);
            } catch (DataAccessException | ProblemException lost) {
                boolean conflict = lost instanceof DataAccessException
                        || ((ProblemException) lost).kind() == ProblemKind.CONFLICT;
                if (!conflict || attempt == MAX_SIGN_IN_ATTEMPTS) {
                    throw lost;
                }
                LOG.info("Sign-in with {} raced another sign-in of the same identity; reading it again", providerId);
            }
        }
    }

    /** Finds the identity's user, or links by verified email, or creates a user; unverified emails go nowhere. */
    private UserRow signInOnce(String providerId, ProviderProfile profile) {
        Optional<UserIdentityRow> known = identities.find(providerId, profile.subject());
        if (known.isPresent()) {
            identities.touch(known.get().id(), profile.email());
            return users.findById(known.get().userId()).orElseThrow();
        }
        if (profile.email() == null || !profile.emailVerified()) {
            throw new OAuthFailure(OAuthFailure.EMAIL_NOT_VERIFIED, "the provider's email is missing or unverified");
        }
        String email = AuthService.normalize(profile.email());
        Optional<UserRow> byEmail = users.findByEmail(email);
        UserRow user;
        if (byEmail.isPresent()) {
            user = byEmail.get();
            if (user.emailVerifiedAt() == null && user.hasPassword()) {
                // Nobody proved this account's address: its password may be a squatter's (pre-account takeover).
                // The provider proved the address now, so the password and every session of the account end.
                users.clearPassword(user.id());
                refreshTokens.revokeAllForUser(user.id());
            }
            users.markEmailVerified(user.id());
        } else {
            user = auth.createProviderAccount(email, profile.name());
        }
        identities.insert(Ids.next(), user.id(), providerId, profile.subject(), email);
        return user;
    }

    private void link(UserId user, String providerId, ProviderProfile profile) {
        Optional<UserIdentityRow> known = identities.find(providerId, profile.subject());
        if (known.isPresent()) {
            if (!known.get().userId().equals(user.value())) {
                throw new OAuthFailure(OAuthFailure.ALREADY_LINKED, "the identity belongs to another user");
            }
            return;
        }
        boolean hasThisProvider = identities.forUser(user.value()).stream()
                .anyMatch(i -> i.provider().equals(providerId));
        if (hasThisProvider) {
            throw new OAuthFailure(OAuthFailure.ALREADY_LINKED, "another account of this provider is linked");
        }
        identities.insert(Ids.next(), user.value(), providerId, profile.subject(), profile.email());
    }

    private SignInProvider provider(String providerId) {
        return providers.find(providerId).orElseThrow(() -> ProblemException.notFound("Sign-in provider"));
    }

    String redirectUri(String providerId) {
        return publicUrl + "/api/v1/auth/oauth/" + providerId + "/callback";
    }

    boolean secureCookies() {
        return publicUrl.startsWith("https://");
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** RFC 7636 S256: BASE64URL(SHA-256(ASCII(code_verifier))). */
    static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
    }

    static byte[] sha256(String value) {
        return TenantBoundToken.sha256(value);
    }
}
