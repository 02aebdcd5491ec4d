package io.parley.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server run by someone else (production, a compose file). The application connects with the
 * datasource settings as given; when {@code PARLEY_DATABASE_MIGRATION_USERNAME} is set, Flyway runs as that schema
 * owner instead, so the application's own role never owns a table and row-level security applies to it.
 *
 * <p>The database is {@code DATASOURCES_DEFAULT_URL} (a JDBC URL), else {@code DATABASE_URL} (a {@code postgres://}
 * URL, {@link DatabaseUrl}); the user and password of the latter apply unless {@code DATASOURCES_DEFAULT_USERNAME} or
 * {@code DATASOURCES_DEFAULT_PASSWORD} is set (the JDBC settings win).
 *
 * @param jdbcUrl           the datasource URL as configured (may carry credentials: never log it)
 * @param username          the application user taken from {@code DATABASE_URL}, when the JDBC setting is not set
 * @param password          the password taken from {@code DATABASE_URL}, likewise (never logged)
 * @param migrationUsername the schema owner for Flyway, when it differs from the datasource user
 */
record ExternalDatabase(String jdbcUrl, Optional<String> username, Optional<String> password,
                        Optional<String> migrationUsername, Optional<String> migrationPassword)
        implements DatabaseMode {

    private static final String EXAMPLE = "jdbc:postgresql://db.example.com:5432/parley";
    /** host[:port][/database] of a PostgreSQL JDBC URL, without user info or parameters. */
    private static final Pattern LOCATION = Pattern.compile("^jdbc:postgresql://(?:[^@/?]*@)?([^/?]*)(/[^?]*)?");

    static ExternalDatabase from(LaunchSettings settings) {
        Optional<DatabaseUrl> databaseUrl = settings.datasourceUrl().isPresent() ? Optional.empty()
                : settings.databaseUrl();
        String url = databaseUrl.map(DatabaseUrl::jdbcUrl).orElseGet(() -> settings.datasourceUrl().orElseThrow())
                .trim();
        if (url.isEmpty()) {
            throw new LaunchException(LaunchSettings.DATASOURCE_URL + " is set but empty: set it to " + EXAMPLE
                    + ", or unset it to use the embedded database");
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            // Do not echo the value: URLs like postgres://user:password@host/db carry a password.
            String hint = url.startsWith("postgres://") || url.startsWith("postgresql://")
                    ? " (a postgres:// URL goes in " + DatabaseUrl.VARIABLE + " instead, or must be rewritten as a "
                    + "JDBC URL, with the user and password moved to " + LaunchSettings.DATASOURCE_USERNAME
                    + " and " + LaunchSettings.DATASOURCE_PASSWORD + ")"
                    : "";
            throw new LaunchException(LaunchSettings.DATASOURCE_URL + " must be a PostgreSQL JDBC URL like "
                    + EXAMPLE + hint);
        }
        Optional<String> owner = settings.migrationUsername();
        if (owner.isPresent() && settings.migrationPassword().isEmpty()) {
            throw new LaunchException(LaunchSettings.MIGRATION_PASSWORD + " is not set, but "
                    + LaunchSettings.MIGRATION_USERNAME + " is: migrations need the schema owner's password");
        }
        if (owner.isEmpty() && settings.migrationPassword().isPresent()) {
            throw new LaunchException(LaunchSettings.MIGRATION_USERNAME + " is not set, but "
                    + LaunchSettings.MIGRATION_PASSWORD + " is: name the schema owner migrations run as");
        }
        Optional<String> username = settings.datasourceUsername().isPresent() ? Optional.empty()
                : databaseUrl.flatMap(DatabaseUrl::username);
        Optional<String> password = settings.datasourcePasswordConfigured() ? Optional.empty()
                : databaseUrl.flatMap(DatabaseUrl::password);
        if (owner.isPresent() && settings.datasourceUsername().isEmpty() && username.isEmpty()) {
            throw new LaunchException(LaunchSettings.DATASOURCE_USERNAME + " is not set: with a separate migration "
                    + "user it names the application role that migrations grant table access to");
        }
        return new ExternalDatabase(url, username, password, owner, settings.migrationPassword());
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        // The URL the launcher chose the mode by is the one used, whichever source (env, -D) it came from.
        properties.put("datasources.default.url", jdbcUrl);
        username.ifPresent(user -> properties.put("datasources.default.username", user));
        password.ifPresent(secret -> properties.put("datasources.default.password", secret));
        migrationUsername.ifPresent(owner -> {
            properties.put("flyway.datasources.migrations.url", jdbcUrl);
            properties.put("flyway.datasources.migrations.user", owner);
            properties.put("flyway.datasources.migrations.password", migrationPassword.orElseThrow());
        });
        return properties;
    }

    @Override
    public String description() {
        return "external PostgreSQL at " + location()
                + migrationUsername.map(owner -> ", migrations as " + owner).orElse("");
    }

    /** host:port/database, for messages. */
    String location() {
        Matcher matcher = LOCATION.matcher(jdbcUrl);
        if (!matcher.find()) {
            return "(unparsable URL)";
        }
        return matcher.group(1) + (matcher.group(2) == null ? "" : matcher.group(2));
    }

    @Override
    public void close() {
        // Nothing was started.
    }

    @Override
    public String toString() {
        return "ExternalDatabase[" + location() + "]";
    }
}
