package io.parley.api.auth;

import io.micronaut.serde.annotation.Serdeable;
import io.parley.api.caller.Caller;
import io.parley.core.account.SignInPolicyRepository;
import io.parley.core.account.UserIdentityRepository;
import io.parley.core.account.UserRepository;
import io.parley.core.audit.AuditLog;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.tenancy.UserId;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Linked provider accounts of a user, unlinking (never the last way in), and the tenant's SSO requirement. */
@Singleton
final class Identities {

    static final String LAST_WAY_IN = "This is your only way to sign in; link another provider first.";
    static final String OWNER_NEEDS_PROVIDER = "Link a sign-in provider to your own account before requiring SSO, "
            + "or you could not sign in yourself.";

    private final TenantScope scope;
    private final UserIdentityRepository identities;
    private final UserRepository users;
    private final SignInPolicyRepository policies;
    private final AuditLog audit;

    Identities(TenantScope scope, UserIdentityRepository identities, UserRepository users,
               SignInPolicyRepository policies, AuditLog audit) {
        this.scope = scope;
        this.identities = identities;
        this.users = users;
        this.policies = policies;
        this.audit = audit;
    }

    @Serdeable
    @Schema(name = "SignInMethods")
    record SignInMethods(@Schema(requiredMode = REQUIRED) boolean hasPassword,
                         @Schema(requiredMode = REQUIRED) List<IdentityController.LinkedIdentity> identities) {
    }

    SignInMethods list(UserId user) {
        return scope.asUser(user, () -> new SignInMethods(
                users.findById(user.value()).orElseThrow(() -> ProblemException.notFound("User")).hasPassword(),
                identities.forUser(user.value()).stream()
                        .map(i -> new IdentityController.LinkedIdentity(i.id().toString(), i.provider(), i.email(),
                                i.createdAt(), i.lastUsedAt()))
                        .toList()));
    }

    void unlink(UserId user, String identityId) {
        UUID id = Ids.parse(identityId).orElseThrow(() -> ProblemException.notFound("Identity"));
        scope.asUser(user, () -> {
            identities.lockUser(user.value());
            var all = identities.forUser(user.value());
            if (all.stream().noneMatch(i -> i.id().equals(id))) {
                throw ProblemException.notFound("Identity");
            }
            boolean password = users.findById(user.value()).orElseThrow().hasPassword();
            if (!password && all.size() == 1) {
                throw new ProblemException(ProblemKind.CONFLICT, LAST_WAY_IN);
            }
            return identities.delete(user.value(), id);
        });
    }

    boolean ssoRequired(Caller caller) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> policies.ssoRequired(tenant.value()));
    }

    boolean setSsoRequired(Caller caller, boolean required) {
        TenantId tenant = caller.requireTenant(Role.OWNER);
        UserId owner = caller.requireUser();
        if (required && scope.asUser(owner, () -> identities.forUser(owner.value()).isEmpty())) {
            throw new ProblemException(ProblemKind.CONFLICT, OWNER_NEEDS_PROVIDER);
        }
        return scope.write(tenant, () -> {
            if (policies.ssoRequired(tenant.value()) != required) {
                policies.setSsoRequired(tenant.value(), required);
                audit.record(tenant, caller.actor(), required ? "tenant.sso_required" : "tenant.sso_optional",
                        "tenant", tenant.toString(), Map.of());
            }
            return required;
        });
    }
}
