package io.parley.api.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.parley.api.caller.CallerResolver;
import io.parley.api.caller.CredentialClaims;
import io.parley.core.account.UserRepository;
import io.parley.core.admin.PlatformAdmins;
import io.parley.core.audit.Actor;
import io.parley.core.tenancy.UserId;
import io.parley.http.client.ClientAddress;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

/**
 * The check in front of every {@code /api/v1/admin/**} operation: a signed-in user (not an API key, not a read-only
 * impersonation token) whose email is a platform admin's now — read from the account and the configuration on every
 * call, never from a claim a token carries. A tenant's owner is nobody special here: 403.
 */
@Singleton
final class PlatformAdminGuard {

    static final String NOT_AN_ADMIN = "Only a platform admin can use the operator console.";

    /** The platform admin behind a call. */
    record Operator(UserId user, String email, String ip) {
        Actor actor() {
            return new Actor(Actor.Type.USER, user.value(), "operator " + email, ip);
        }
    }

    private final CallerResolver callers;
    private final UserRepository users;
    private final PlatformAdmins admins;
    private final ClientAddress clientAddress;

    PlatformAdminGuard(CallerResolver callers, UserRepository users, PlatformAdmins admins,
                       ClientAddress clientAddress) {
        this.callers = callers;
        this.users = users;
        this.admins = admins;
        this.clientAddress = clientAddress;
    }

    Operator require(Authentication authentication, HttpRequest<?> request) {
        UserId user = callers.resolveUser(authentication, request); // 403 for API keys
        if (authentication.getAttributes().containsKey(CredentialClaims.IMPERSONATION)) {
            throw ProblemException.forbidden(NOT_AN_ADMIN);
        }
        String email = users.findById(user.value()).map(row -> row.email())
                .orElseThrow(() -> ProblemException.forbidden(NOT_AN_ADMIN));
        if (!admins.isAdmin(email)) {
            throw ProblemException.forbidden(NOT_AN_ADMIN);
        }
        return new Operator(user, email, clientAddress.of(request));
    }
}
