package io.parley.core;

/**
 * Patterns for {@code @Requires(property = "parley.roles", pattern = ...)}: a bean is active when the process serves
 * its role. {@code parley.roles} (env {@code PARLEY_ROLES}) is a comma-separated list of api, worker, web, or all.
 */
public final class ServerRoles {

    public static final String API = "(?i)^(.*,)?\\s*(api|all)\\s*(,.*)?$";
    public static final String WORKER = "(?i)^(.*,)?\\s*(worker|all)\\s*(,.*)?$";
    public static final String WEB = "(?i)^(.*,)?\\s*(web|all)\\s*(,.*)?$";

    private ServerRoles() {
    }
}
