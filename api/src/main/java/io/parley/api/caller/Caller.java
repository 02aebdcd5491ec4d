package io.parley.api.caller;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.audit.Actor;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.UserId;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;

import java.util.UUID;

/**
 * Who is calling: a dashboard user (JWT) acting in their active tenant, or an API key acting as its tenant.
 * The tenant always comes from the credential, never from the request body or path.
 */
public record Caller(@Nullable UserId user, @Nullable UUID apiKeyId, @Nullable TenantId tenant,
                     @Nullable Role role, String label, @Nullable String ip) {

    /** The active tenant and a role of at least {@code minimum} in it, or 403. */
    public TenantId requireTenant(Role minimum) {
        if (tenant == null || role == null) {
            throw new ProblemException(ProblemKind.FORBIDDEN,
                    "No active tenant: accept an invitation or switch to a tenant you belong to.");
        }
        if (!role.atLeast(minimum)) {
            throw ProblemException.forbidden("This needs the " + minimum.wireName() + " role or higher; you are "
                    + role.wireName() + ".");
        }
        return tenant;
    }

    /** The user behind the call, or 403 for API keys (e.g. accepting an invitation is a person's act). */
    public UserId requireUser() {
        if (user == null) {
            throw ProblemException.forbidden("Only a signed-in user can do this, not an API key.");
        }
        return user;
    }

    public boolean isApiKey() {
        return apiKeyId != null;
    }

    public Actor actor() {
        return isApiKey() ? new Actor(Actor.Type.API_KEY, apiKeyId, label, ip)
                : new Actor(Actor.Type.USER, user == null ? null : user.value(), label, ip);
    }
}
