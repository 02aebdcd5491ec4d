package io.parley.api.member;

import io.parley.core.account.MemberRow;
import io.parley.core.account.MembershipRepository;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.UUID;

/** The members who can answer conversations (agent, admin, owner): assignees and team members. */
@Singleton
public final class AnsweringMembers {

    private final MembershipRepository members;

    AnsweringMembers(MembershipRepository members) {
        this.members = members;
    }

    /** Inside the tenant's scope: anyone else (a viewer, a stranger) is a 400 on {@code field}. */
    public void require(TenantId tenant, UUID userId, String field) {
        MemberRow member = members.find(tenant.value(), userId).orElseThrow(() ->
                ProblemException.invalidField(field, "is not a member of this workspace"));
        if (Role.fromWire(member.role()).filter(role -> role.atLeast(Role.AGENT)).isEmpty()) {
            throw ProblemException.invalidField(field, "is a viewer, who cannot answer conversations");
        }
    }
}
