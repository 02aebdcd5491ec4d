package io.parley.api.member;

import io.parley.api.caller.Caller;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.account.MemberRow;
import io.parley.core.account.MembershipRepository;
import io.parley.core.audit.AuditLog;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.micronaut.core.annotation.Nullable;
import io.parley.http.json.MergePatch;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemMessages;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.UUID;

/**
 * Members of the caller's tenant. Admins manage members; only owners may grant, change or remove the owner role;
 * anyone may leave; a tenant always keeps at least one owner.
 */
@Singleton
final class MemberService {

    private final TenantScope scope;
    private final MembershipRepository memberships;
    private final AuditLog audit;

    MemberService(TenantScope scope, MembershipRepository memberships, AuditLog audit) {
        this.scope = scope;
        this.memberships = memberships;
        this.audit = audit;
    }

    PageResponse<MemberWire.MemberResponse> list(Caller caller, String cursor, Integer limit) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        int size = Cursor.limit(limit);
        UUID after = Cursor.after(cursor, Cursor.OLDEST);
        return scope.read(tenant, () -> PageResponse.of(memberships.page(tenant.value(), after, size + 1), size,
                MemberWire.MemberResponse::of, row -> row.userId().toString()));
    }

    MemberWire.MemberResponse get(Caller caller, String userId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> MemberWire.MemberResponse.of(find(tenant, userId)));
    }

    /** A merge patch of the member: {@code role} is the only member; leaving it out changes nothing. */
    MemberWire.MemberResponse changeRole(Caller caller, String userId, @Nullable String newRoleName,
                                         MergePatch patch) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        if (patch.removes("role")) {
            throw ProblemException.invalidField("role", ProblemMessages.CANNOT_REMOVE);
        }
        return scope.write(tenant, () -> {
            MemberRow member = find(tenant, userId);
            if (newRoleName == null) {
                return MemberWire.MemberResponse.of(member);
            }
            Role newRole = Role.fromWire(newRoleName).orElseThrow();
            Role current = Role.fromWire(member.role()).orElseThrow();
            if ((current == Role.OWNER || newRole == Role.OWNER) && caller.role() != Role.OWNER) {
                throw ProblemException.forbidden("Only an owner can grant or take away the owner role.");
            }
            if (current == Role.OWNER && newRole != Role.OWNER) {
                requireAnotherOwner(tenant);
            }
            memberships.updateRole(tenant.value(), member.userId(), newRole.wireName());
            audit.record(tenant, caller.actor(), "member.role_changed", "user", member.userId().toString(),
                    Map.of("email", member.email(), "from", current.wireName(), "to", newRole.wireName()));
            return MemberWire.MemberResponse.of(memberships.find(tenant.value(), member.userId()).orElseThrow());
        });
    }

    void remove(Caller caller, String userId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        scope.writeVoid(tenant, () -> {
            MemberRow member = find(tenant, userId);
            boolean leaving = caller.user() != null && caller.user().value().equals(member.userId());
            Role role = Role.fromWire(member.role()).orElseThrow();
            if (!leaving) {
                caller.requireTenant(Role.ADMIN);
                if (role == Role.OWNER && caller.role() != Role.OWNER) {
                    throw ProblemException.forbidden("Only an owner can remove an owner.");
                }
            }
            if (role == Role.OWNER) {
                requireAnotherOwner(tenant);
            }
            memberships.delete(tenant.value(), member.userId());
            audit.record(tenant, caller.actor(), leaving ? "member.left" : "member.removed", "user",
                    member.userId().toString(), Map.of("email", member.email(), "role", role.wireName()));
        });
    }

    private MemberRow find(TenantId tenant, String userId) {
        return Ids.parse(userId).flatMap(id -> memberships.find(tenant.value(), id))
                .orElseThrow(() -> ProblemException.notFound("Member"));
    }

    /** Locks the owner rows, so two concurrent demotions cannot leave the tenant without an owner. */
    private void requireAnotherOwner(TenantId tenant) {
        if (memberships.countOwnersForUpdate(tenant.value()) <= 1) {
            throw ProblemException.conflict("A tenant needs at least one owner: make someone else owner first.");
        }
    }
}
