package io.parley.api.privacy;

import io.parley.api.caller.Caller;
import io.parley.core.account.MemberRow;
import io.parley.core.account.MembershipRepository;
import io.parley.core.audit.AuditLog;
import io.parley.core.privacy.AccountRepository;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.tenancy.UserId;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * A user deletes their account: they leave every tenant (audited there as member.left), then the user row goes. The
 * last owner of a tenant must first make someone else owner, or close the tenant: 409 otherwise, and nothing changes.
 */
@Singleton
final class AccountDeletionService {

    private final TenantScope scope;
    private final MembershipRepository memberships;
    private final AccountRepository accounts;
    private final AuditLog audit;

    AccountDeletionService(TenantScope scope, MembershipRepository memberships, AccountRepository accounts,
                           AuditLog audit) {
        this.scope = scope;
        this.memberships = memberships;
        this.accounts = accounts;
        this.audit = audit;
    }

    void delete(Caller caller) {
        UserId user = caller.requireUser();
        List<MemberRow> mine = scope.asUser(user, () -> memberships.findForUser(user.value()));
        // Checked for every tenant before leaving any, so a refusal changes nothing; each leave re-checks under lock.
        for (MemberRow membership : mine) {
            TenantId tenant = new TenantId(membership.tenantId());
            scope.writeVoid(tenant, () -> requireAnotherOwner(tenant, membership)); // FOR UPDATE needs a write
        }
        for (MemberRow membership : mine) {
            TenantId tenant = new TenantId(membership.tenantId());
            scope.writeVoid(tenant, () -> {
                requireAnotherOwner(tenant, membership);
                memberships.delete(tenant.value(), user.value());
                audit.record(tenant, caller.actor(), "member.left", "user", user.toString(),
                        Map.of("role", membership.role(), "accountDeleted", true));
            });
        }
        scope.asUser(user, () -> accounts.deleteUser(user.value()));
    }

    private void requireAnotherOwner(TenantId tenant, MemberRow membership) {
        if ("owner".equals(membership.role()) && memberships.countOwnersForUpdate(tenant.value()) <= 1) {
            throw ProblemException.conflict("You are the last owner of tenant " + tenant
                    + ": make someone else owner there, or close the tenant, before deleting your account.");
        }
    }
}
