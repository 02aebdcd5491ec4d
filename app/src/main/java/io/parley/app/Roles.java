package io.parley.app;

import io.parley.core.ServerRoles;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The roles this process serves, from {@code PARLEY_ROLES}: {@code api}, {@code worker}, {@code web} (comma
 * separated), {@code all}, or {@code migrate} alone: run the Flyway migrations and exit, for a Kubernetes
 * migration Job. Beans pick their role with the patterns in {@link ServerRoles}.
 *
 * @param value the normalized list, e.g. {@code "api,worker"}; it becomes property {@value ServerRoles#PROPERTY}
 */
record Roles(String value) {

    private static final Set<String> SERVED = Set.of("api", "worker", "web", "all");
    private static final String MIGRATE = "migrate";

    static Roles parse(String spec) {
        Set<String> roles = new LinkedHashSet<>();
        for (String part : spec.split(",")) {
            String role = part.trim().toLowerCase(Locale.ROOT);
            if (role.isEmpty()) {
                continue;
            }
            if (!SERVED.contains(role) && !role.equals(MIGRATE)) {
                throw new LaunchException(LaunchSettings.ROLES + ": unknown role '" + part.trim()
                        + "' (use api, worker, web, all, or migrate)");
            }
            roles.add(role);
        }
        if (roles.isEmpty()) {
            throw new LaunchException(LaunchSettings.ROLES + " is empty: use api, worker, web, all, or migrate");
        }
        if (roles.contains(MIGRATE) && roles.size() > 1) {
            throw new LaunchException(LaunchSettings.ROLES + "=migrate runs migrations and exits; it cannot be combined"
                    + " with other roles");
        }
        return new Roles(roles.contains("all") ? "all" : String.join(",", roles));
    }

    /** Migrate and exit instead of serving. */
    boolean migrateOnly() {
        return value.equals(MIGRATE);
    }
}
