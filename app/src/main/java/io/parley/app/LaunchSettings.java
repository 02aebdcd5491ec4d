package io.parley.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What the launcher needs to know before Micronaut starts, read from the environment or a {@code -D} system property
 * (the property wins, as in Micronaut). Micronaut reads the same variables again through its property binding;
 * the launcher only needs them to choose the database mode and to fail fast on missing settings.
 *
 * @param datasourceUrl        {@code DATASOURCES_DEFAULT_URL}; empty = not defined, "" = defined but blank
 * @param databaseUrl          {@code DATABASE_URL} ({@code postgres://…}), parsed; only read when
 *                             {@code DATASOURCES_DEFAULT_URL} is not defined (the JDBC settings win)
 * @param datasourcePasswordConfigured whether {@code DATASOURCES_DEFAULT_PASSWORD} is set (it wins over the password
 *                             of {@code DATABASE_URL})
 * @param datasourceUsername   {@code DATASOURCES_DEFAULT_USERNAME}: the application (non-owner) role
 * @param migrationUsername    {@code PARLEY_DATABASE_MIGRATION_USERNAME}: the schema owner Flyway runs as
 * @param migrationPassword    {@code PARLEY_DATABASE_MIGRATION_PASSWORD}
 * @param dataDirectory        {@code PARLEY_DATA_DIR}, default {@code ~/.parley}
 * @param embeddedDatabasePort {@code PARLEY_EMBEDDED_DB_PORT}, default 0 (any free port)
 * @param tracing              {@code PARLEY_TRACING_ENABLED} as given, else on when {@code OTEL_EXPORTER_OTLP_ENDPOINT}
 *                             (or its traces variant) names a collector, else off
 */
record LaunchSettings(Optional<String> datasourceUrl, Optional<DatabaseUrl> databaseUrl,
                      Optional<String> datasourceUsername, boolean datasourcePasswordConfigured,
                      Optional<String> migrationUsername, Optional<String> migrationPassword,
                      Path dataDirectory, int embeddedDatabasePort, String roles,
                      boolean encryptionKeyConfigured, boolean jwtSecretConfigured, boolean tracing) {

    static final String DATASOURCE_URL = "DATASOURCES_DEFAULT_URL";
    static final String DATASOURCE_USERNAME = "DATASOURCES_DEFAULT_USERNAME";
    static final String DATASOURCE_PASSWORD = "DATASOURCES_DEFAULT_PASSWORD";
    static final String MIGRATION_USERNAME = "PARLEY_DATABASE_MIGRATION_USERNAME";
    static final String MIGRATION_PASSWORD = "PARLEY_DATABASE_MIGRATION_PASSWORD";
    static final String DATA_DIR = "PARLEY_DATA_DIR";
    static final String EMBEDDED_DB_PORT = "PARLEY_EMBEDDED_DB_PORT";
    static final String ROLES = "PARLEY_ROLES";
    static final String ENCRYPTION_KEY = "PARLEY_ENCRYPTION_KEY";
    static final String JWT_SECRET = "PARLEY_JWT_SECRET";
    static final String TRACING = "PARLEY_TRACING_ENABLED";
    static final String OTLP_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    static final String OTLP_TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

    static LaunchSettings from(Map<String, String> environment, Properties system) {
        Source source = new Source(environment, system);
        Optional<String> datasourceUrl = source.raw(DATASOURCE_URL, "datasources.default.url");
        return new LaunchSettings(
                datasourceUrl,
                datasourceUrl.isPresent() ? Optional.empty()
                        : source.value(DatabaseUrl.VARIABLE, "parley.database.url").map(DatabaseUrl::parse),
                source.value(DATASOURCE_USERNAME, "datasources.default.username"),
                source.raw(DATASOURCE_PASSWORD, "datasources.default.password").isPresent(),
                source.value(MIGRATION_USERNAME, "parley.database.migration-username"),
                source.value(MIGRATION_PASSWORD, "parley.database.migration-password"),
                source.value(DATA_DIR, "parley.data-dir").map(Path::of)
                        .orElseGet(() -> Path.of(system.getProperty("user.home"), ".parley"))
                        .toAbsolutePath().normalize(),
                source.value(EMBEDDED_DB_PORT, "parley.embedded-db.port").map(LaunchSettings::port).orElse(0),
                source.value(ROLES, "parley.roles").orElse("all"),
                source.value(ENCRYPTION_KEY, "parley.encryption.key").isPresent(),
                source.value(JWT_SECRET, "parley.jwt.secret").isPresent(),
                source.value(TRACING, "parley.tracing.enabled").map(Boolean::parseBoolean)
                        .orElseGet(() -> source.value(OTLP_ENDPOINT, "otel.exporter.otlp.endpoint")
                                .or(() -> source.value(OTLP_TRACES_ENDPOINT, "otel.exporter.otlp.traces.endpoint"))
                                .isPresent()));
    }

    static LaunchSettings fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    /** The same settings serving other roles (the admin command runs as {@code migrate}: no server, no jobs). */
    LaunchSettings withRoles(String otherRoles) {
        return new LaunchSettings(datasourceUrl, databaseUrl, datasourceUsername, datasourcePasswordConfigured,
                migrationUsername, migrationPassword, dataDirectory, embeddedDatabasePort, otherRoles,
                encryptionKeyConfigured, jwtSecretConfigured, tracing);
    }

    boolean externalDatabase() {
        return datasourceUrl.isPresent() || databaseUrl.isPresent();
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new LaunchException(EMBEDDED_DB_PORT + " must be a port number (0 = any free port), got '" + value + "'");
    }

    private record Source(Map<String, String> environment, Properties system) {

        /** The value as given, even blank: a blank DATASOURCES_DEFAULT_URL is a mistake, not "embedded". */
        Optional<String> raw(String variable, String property) {
            String value = system.getProperty(property);
            return Optional.ofNullable(value != null ? value : environment.get(variable));
        }

        /** A non-blank value; blank counts as unset (e.g. `PARLEY_ROLES=` in a compose file). */
        Optional<String> value(String variable, String property) {
            return raw(variable, property).filter(value -> !value.isBlank());
        }
    }
}
