package io.parley.api.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.parley.core.account.MembershipRepository;
import io.parley.core.account.RefreshTokenRepository;
import io.parley.core.account.RefreshTokenRow;
import io.parley.core.account.SignInPolicyRepository;
import io.parley.core.account.TenantRepository;
import io.parley.core.account.TenantRow;
import io.parley.core.account.UserRepository;
import io.parley.core.account.UserRow;
import io.parley.core.audit.Actor;
import io.parley.core.audit.AuditLog;
import io.parley.core.billing.BillingTrials;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.tenancy.UserId;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemMessages;
import io.parley.http.problem.ProblemKind;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-up, sign-in and sessions. Refresh tokens rotate: each is spent once and replaced by a new one of the same
 * family; presenting a spent token again means it was stolen or replayed, so the whole family is revoked
 * (OAuth 2.0 Security BCP, RFC 9700 §4.14.2).
 */
@Singleton
final class AuthService {

    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);

    private final TenantScope scope;
    private final UserRepository users;
    private final TenantRepository tenants;
    private final MembershipRepository memberships;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher passwords;
    private final TokenIssuer issuer;
    private final AuditLog audit;
    private final BillingTrials trials;
    private final SignInPolicyRepository signInPolicy;

    static final String SSO_REQUIRED = "Your organization requires signing in with its sign-in provider (SSO); use "
            + "the provider's button instead of a password.";

    AuthService(TenantScope scope, UserRepository users, TenantRepository tenants, MembershipRepository memberships,
                RefreshTokenRepository refreshTokens, PasswordHasher passwords, TokenIssuer issuer, AuditLog audit,
                BillingTrials trials, SignInPolicyRepository signInPolicy) {
        this.signInPolicy = signInPolicy;
        this.scope = scope;
        this.users = users;
        this.tenants = tenants;
        this.memberships = memberships;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.issuer = issuer;
        this.audit = audit;
        this.trials = trials;
    }

    /** Creates a user, their first tenant (which they own) and a session. */
    TokenResponse signup(AuthRequests.Signup request, String ip, String language) {
        if (!PasswordHasher.fits(request.password())) {
            throw ProblemException.invalidField("password", ProblemMessages.PASSWORD_TOO_LONG);
        }
        String email = normalize(request.email());
        if (users.findByEmail(email).isPresent()) {
            throw emailTaken();
        }
        return createAccount(email, passwords.hash(request.password()), request.tenantName().trim(), ip, false,
                language, (user, tenant) -> issuer.issue(user, tenant, Ids.next()));
    }

    /**
     * A user who first signs in through a provider (with a verified email): no password, and a first tenant named
     * after them that they own, like a sign-up's.
     */
    UserRow createProviderAccount(String email, @Nullable String name) {
        String tenantName = name == null || name.isBlank() ? email.substring(0, email.indexOf('@')) : name.trim();
        if (tenantName.length() > 120) {
            tenantName = tenantName.substring(0, 120);
        }
        return createAccount(email, null, tenantName, null, true, "en", (user, tenant) -> user);
    }

    /** A new session for a user who proved who they are some other way (a provider's sign-in). */
    TokenResponse startSession(UserId user) {
        return scope.asUser(user, () -> {
            UserRow row = users.findById(user.value()).orElseThrow(AuthService::invalidRefreshToken);
            users.touchLogin(row.id());
            return issuer.issue(row, firstTenant(row.id()).orElse(null), Ids.next());
        });
    }

    private <T> T createAccount(String email, @Nullable String hash, String tenantName, @Nullable String ip,
                                boolean verified, String language,
                                java.util.function.BiFunction<UserRow, TenantRow, T> then) {
        UserId user = new UserId(Ids.next());
        TenantId tenant = new TenantId(Ids.next());
        try {
            return scope.asUserInTenant(user, tenant, () -> {
                users.insertWithLanguage(user.value(), email, hash, null, language);
                if (verified) {
                    users.markEmailVerified(user.value());
                }
                tenants.insert(tenant.value(), tenantName);
                memberships.insert(tenant.value(), user.value(), Role.OWNER.wireName());
                Actor actor = new Actor(Actor.Type.USER, user.value(), email, ip);
                audit.record(tenant, actor, "tenant.created", "tenant", tenant.toString(), Map.of("name", tenantName));
                audit.record(tenant, actor, "member.joined", "user", user.toString(), Map.of("role", "owner"));
                trials.startFor(tenant, actor);
                return then.apply(users.findById(user.value()).orElseThrow(),
                        tenants.findById(tenant.value()).orElseThrow());
            });
        } catch (DataAccessException e) {
            // Two sign-ups with one email at once: the unique index decides, the loser gets the same 409.
            if (users.findByEmail(email).isPresent()) {
                throw emailTaken();
            }
            throw e;
        }
    }

    TokenResponse login(AuthRequests.Login request) {
        String email = normalize(request.email());
        Optional<UserRow> user = users.findByEmail(email);
        boolean valid = user.isPresent() && user.get().hasPassword()
                ? passwords.matches(request.password(), user.get().passwordHash())
                : passwords.matchesNothing(request.password());
        if (!valid) {
            throw new ProblemException(ProblemKind.INVALID_CREDENTIALS, "Email or password is wrong.");
        }
        UserRow row = user.get();
        return scope.asUser(new UserId(row.id()), () -> {
            if (signInPolicy.ssoRequiredFor(row.id())) {
                throw new ProblemException(ProblemKind.FORBIDDEN, SSO_REQUIRED);
            }
            users.touchLogin(row.id());
            return issuer.issue(row, firstTenant(row.id()).orElse(null), Ids.next());
        });
    }

    /** Spends a refresh token and issues the next pair of its family. */
    TokenResponse refresh(String refreshToken) {
        RefreshTokenRow token = refreshTokens.findByHash(TokenIssuer.hashOf(refreshToken))
                .orElseThrow(AuthService::invalidRefreshToken);
        if (token.usedAt() != null || token.revokedAt() != null) {
            return reuseDetected(token);
        }
        if (token.expiresAt().isBefore(Instant.now())) {
            throw invalidRefreshToken();
        }
        // Spent in its own (auto-committed) statement: a reuse detected here must revoke the family for good,
        // which it would not if it ran inside a transaction that then fails.
        if (refreshTokens.spend(token.id()) == 0) {
            return reuseDetected(token); // lost a race with a concurrent refresh of the same token
        }
        return scope.asUser(new UserId(token.userId()), () -> {
            UserRow row = users.findById(token.userId()).orElseThrow(AuthService::invalidRefreshToken);
            TenantRow tenant = stillMember(token.userId(), token.tenantId()).or(() -> firstTenant(token.userId()))
                    .orElse(null);
            return issuer.issue(row, tenant, token.familyId());
        });
    }

    /** Revokes the session the refresh token belongs to. Unknown tokens are ignored (nothing to reveal). */
    void logout(String refreshToken) {
        refreshTokens.findByHash(TokenIssuer.hashOf(refreshToken))
                .ifPresent(token -> refreshTokens.revokeFamily(token.familyId()));
    }

    /** A new session acting in {@code tenantId}, which the user must belong to (else 404, revealing nothing). */
    TokenResponse switchTenant(UserId user, String tenantId, @Nullable String currentRefreshToken) {
        UUID tenant = Ids.parse(tenantId).orElseThrow(() -> ProblemException.notFound("Tenant"));
        TokenResponse response = scope.asUser(user, () -> {
            TenantRow row = stillMember(user.value(), tenant).orElseThrow(() -> ProblemException.notFound("Tenant"));
            return issuer.issue(users.findById(user.value()).orElseThrow(), row, Ids.next());
        });
        if (currentRefreshToken != null) {
            logout(currentRefreshToken);
        }
        return response;
    }

    private Optional<TenantRow> firstTenant(UUID userId) {
        List<TenantRow> all = tenants.findForUser(userId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private Optional<TenantRow> stillMember(UUID userId, @Nullable UUID tenantId) {
        if (tenantId == null) {
            return Optional.empty();
        }
        return tenants.findForUser(userId).stream().filter(t -> t.id().equals(tenantId)).findFirst();
    }

    private TokenResponse reuseDetected(RefreshTokenRow token) {
        int revoked = refreshTokens.revokeFamily(token.familyId());
        LOG.warn("Refresh token reuse for user {} (family {}): revoked {} tokens", token.userId(), token.familyId(), revoked);
        throw new ProblemException(ProblemKind.INVALID_TOKEN,
                "This refresh token was already used. The session has been ended for safety; sign in again.");
    }

    private static ProblemException invalidRefreshToken() {
        return new ProblemException(ProblemKind.INVALID_TOKEN, "The refresh token is invalid or expired; sign in again.");
    }

    private static ProblemException emailTaken() {
        return new ProblemException(ProblemKind.CONFLICT, "An account with this email already exists; sign in instead.");
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
