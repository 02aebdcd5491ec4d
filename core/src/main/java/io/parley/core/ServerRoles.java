package io.parley.core;

/**
 * The roles one Parley process can serve, selected by {@code PARLEY_ROLES} (property {@value #PROPERTY}): a comma
 * separated list of {@code api}, {@code worker}, {@code web}, or {@code all} (the default). The same jar runs
 * all-in-one or split into one Deployment per role (see ARCHITECTURE.md, "Two ways to run").
 *
 * <p>A role's beans are switched on with, for example:
 * <pre>{@code @Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)}</pre>
 * Each pattern matches a list that names the role or {@code all}, ignoring case and spaces around commas, so
 * {@code "worker, API"} serves the API and {@code "webapi"} serves nothing.
 *
 * <p>{@code migrate} is a pseudo-role handled by the launcher: it runs the Flyway migrations and exits (a Kubernetes
 * migration Job); none of the patterns match it, so no role's beans start.
 */
public final class ServerRoles {

    public static final String PROPERTY = "parley.roles";

    /** Admin REST API, /api/v1/**. */
    public static final String API = "(?i)^(.*,)?\\s*(api|all)\\s*(,.*)?$";

    /** Provider webhooks, web chat endpoints and the job runners. */
    public static final String WORKER = "(?i)^(.*,)?\\s*(worker|all)\\s*(,.*)?$";

    /** Dashboard and end-user pages. */
    public static final String WEB = "(?i)^(.*,)?\\s*(web|all)\\s*(,.*)?$";

    private ServerRoles() {
    }
}
