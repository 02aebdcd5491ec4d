package io.parley.api.caller;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.parley.core.account.MemberRow;
import io.parley.core.account.MembershipRepository;
import io.parley.core.account.UserRepository;
import io.parley.core.admin.PlatformAdmins;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.tenancy.UserId;
import io.parley.http.client.ClientAddress;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.UUID;

/**
 * Turns a validated credential into a {@link Caller}. For users the role is read from the membership on every
 * request rather than trusted from the token, so a removed member or a demoted admin loses access at once, not
 * when their 15-minute access token expires.
 */
@Singleton
public final class CallerResolver {

    static final String NO_LONGER_AN_ADMIN = "You are no longer a platform admin; this read-only view has ended.";

    private final TenantScope scope;
    private final MembershipRepository memberships;
    private final ClientAddress clientAddress;
    private final UserRepository users;
    private final PlatformAdmins admins;

    CallerResolver(TenantScope scope, MembershipRepository memberships, ClientAddress clientAddress,
                   UserRepository users, PlatformAdmins admins) {
        this.scope = scope;
        this.memberships = memberships;
        this.clientAddress = clientAddress;
        this.users = users;
        this.admins = admins;
    }

    public Caller resolve(Authentication authentication, HttpRequest<?> request) {
        String ip = clientAddress.of(request);
        Object keyId = authentication.getAttributes().get(CredentialClaims.API_KEY_ID);
        Optional<TenantId> tenant = Optional.ofNullable(authentication.getAttributes().get(CredentialClaims.TENANT))
                .map(Object::toString).flatMap(TenantId::parse);
        if (keyId != null) {
            Role role = Role.fromWire(String.valueOf(authentication.getAttributes().get(CredentialClaims.API_KEY_ROLE)))
                    .orElse(Role.VIEWER);
            String name = String.valueOf(authentication.getAttributes().get(CredentialClaims.API_KEY_NAME));
            return new Caller(null, UUID.fromString(keyId.toString()), tenant.orElseThrow(), role,
                    "api key " + name, ip);
        }
        UserId user = Ids.parse(authentication.getName()).map(UserId::new)
                .orElseThrow(() -> new ProblemException(ProblemKind.INVALID_TOKEN, "The access token names no user."));
        String label = String.valueOf(authentication.getAttributes().getOrDefault(CredentialClaims.EMAIL, user));
        if (tenant.isEmpty()) {
            return new Caller(user, null, null, null, label, ip);
        }
        TenantId tenantId = tenant.get();
        if (authentication.getAttributes().containsKey(CredentialClaims.IMPERSONATION)) {
            // a platform admin looking at the tenant read-only: no membership; every write is refused before this
            // (ReadOnlyImpersonationFilter), so the role only decides what can be read — what the tenant's admins see.
            // Like a member's role, the operator's standing is read on every request: a revoked admin's look ends at once
            if (!users.findById(user.value()).map(row -> admins.isAdmin(row.email())).orElse(false)) {
                throw ProblemException.forbidden(NO_LONGER_AN_ADMIN);
            }
            return new Caller(user, null, tenantId, Role.ADMIN, label + " (operator, read-only)", ip);
        }
        Optional<MemberRow> membership = scope.read(tenantId, () -> memberships.find(tenantId.value(), user.value()));
        if (membership.isEmpty()) {
            throw ProblemException.forbidden("You are no longer a member of this tenant; switch to another one.");
        }
        return new Caller(user, null, tenantId, Role.fromWire(membership.get().role()).orElseThrow(), label, ip);
    }

    /** The signed-in user of a JWT, whatever their tenant; 403 for API keys. */
    public UserId resolveUser(Authentication authentication, HttpRequest<?> request) {
        if (authentication.getAttributes().containsKey(CredentialClaims.API_KEY_ID)) {
            throw ProblemException.forbidden("Only a signed-in user can do this, not an API key.");
        }
        return Ids.parse(authentication.getName()).map(UserId::new)
                .orElseThrow(() -> new ProblemException(ProblemKind.INVALID_TOKEN, "The access token names no user."));
    }

    /** The signed-in user acting outside any tenant (e.g. accepting an invitation); 403 for API keys. */
    public Caller resolveWithoutTenant(Authentication authentication, HttpRequest<?> request) {
        UserId user = resolveUser(authentication, request);
        String label = String.valueOf(authentication.getAttributes().getOrDefault(CredentialClaims.EMAIL, user));
        return new Caller(user, null, null, null, label, clientAddress.of(request));
    }
}
