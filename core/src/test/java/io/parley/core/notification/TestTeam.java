package io.parley.core.notification;

import io.parley.core.account.MembershipRepository;
import io.parley.core.account.TenantRepository;
import io.parley.core.account.UserRepository;
import io.parley.core.notification.NotificationDraft.Severity;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** A tenant with one member of each role, whose emails are {@code <role>@<tenant>.test}. */
record TestTeam(TenantId tenant, Map<Role, UUID> members) {

    static TestTeam create(TenantScope scope, TenantRepository tenants, UserRepository users,
                           MembershipRepository memberships) {
        TenantId tenant = new TenantId(Ids.next());
        Map<Role, UUID> members = new EnumMap<>(Role.class);
        scope.writeVoid(tenant, () -> {
            tenants.insert(tenant.value(), "Team " + tenant.value().toString().substring(0, 8));
            for (Role role : Role.values()) {
                UUID user = Ids.next();
                users.insert(user, role.wireName() + "@" + tenant.value() + ".test", "x", null);
                memberships.insert(tenant.value(), user, role.wireName());
                members.put(role, user);
            }
        });
        return new TestTeam(tenant, members);
    }

    UUID member(Role role) {
        return members.get(role);
    }

    String email(Role role) {
        return role.wireName() + "@" + tenant.value() + ".test";
    }

    static NotificationDraft draft(String dedupKey, Role minRole) {
        return new NotificationDraft("billing.budget.threshold", Severity.WARNING, minRole,
                "80 % of the monthly LLM budget used", "Your bots used $8.00 of the $10.00 monthly budget.",
                Map.of("percent", "80", "used", "8.00", "budget", "10.00"), "/billing", dedupKey);
    }
}
