package io.parley.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class ExternalModeTest {

    private static final String URL = "jdbc:postgresql://db.internal:5432/parley?sslmode=require";

    @TempDir
    Path home;

    private LaunchSettings settings(String... keyValues) {
        return TestLaunchSettings.of(home, keyValues);
    }

    @Test
    void usesTheDatasourceAsGivenWhenNoMigrationUserIsSet() {
        ExternalDatabase database = ExternalDatabase.from(settings("DATASOURCES_DEFAULT_URL", URL));

        assertThat(database.properties()).containsExactly(entry("datasources.default.url", URL));
        assertThat(database.description()).isEqualTo("external PostgreSQL at db.internal:5432/parley");
    }

    @Test
    void migratesAsTheSchemaOwnerWhenAMigrationUserIsSet() {
        ExternalDatabase database = ExternalDatabase.from(settings("DATASOURCES_DEFAULT_URL", URL,
                "DATASOURCES_DEFAULT_USERNAME", "parley_app",
                "PARLEY_DATABASE_MIGRATION_USERNAME", "parley_owner",
                "PARLEY_DATABASE_MIGRATION_PASSWORD", "owner-secret"));

        assertThat(database.properties()).containsExactly(
                entry("datasources.default.url", URL),
                entry("flyway.datasources.migrations.url", URL),
                entry("flyway.datasources.migrations.user", "parley_owner"),
                entry("flyway.datasources.migrations.password", "owner-secret"));
        assertThat(database.description()).endsWith(", migrations as parley_owner").doesNotContain("owner-secret");
        assertThat(database.toString()).doesNotContain("owner-secret");
    }

    @Test
    void neverShowsCredentialsFromTheUrl() {
        ExternalDatabase database = ExternalDatabase.from(settings("DATASOURCES_DEFAULT_URL",
                "jdbc:postgresql://app:hunter2@db:5432/parley?password=hunter2"));

        assertThat(database.location()).isEqualTo("db:5432/parley");
    }

    @Test
    void rejectsAnEmptyUrlInsteadOfFallingBackToAnEmbeddedDatabase() {
        assertThatThrownBy(() -> ExternalDatabase.from(settings("DATASOURCES_DEFAULT_URL", " ")))
                .isInstanceOf(LaunchException.class)
                .hasMessage("DATASOURCES_DEFAULT_URL is set but empty: set it to "
                        + "jdbc:postgresql://db.example.com:5432/parley, or unset it to use the embedded database");
    }

    @Test
    void rejectsAPostgresUrlWithoutRepeatingItsPassword() {
        assertThatThrownBy(() -> ExternalDatabase.from(settings("DATASOURCES_DEFAULT_URL",
                "postgres://app:hunter2@db:5432/parley")))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("DATASOURCES_DEFAULT_URL must be a PostgreSQL JDBC URL like")
                .hasMessageContaining("goes in DATABASE_URL instead")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void rejectsHalfAMigrationUser() {
        assertThatThrownBy(() -> ExternalDatabase.from(settings("DATASOURCES_DEFAULT_URL", URL,
                "DATASOURCES_DEFAULT_USERNAME", "parley_app", "PARLEY_DATABASE_MIGRATION_USERNAME", "parley_owner")))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("PARLEY_DATABASE_MIGRATION_PASSWORD is not set");
        assertThatThrownBy(() -> ExternalDatabase.from(settings("DATASOURCES_DEFAULT_URL", URL,
                "PARLEY_DATABASE_MIGRATION_PASSWORD", "owner-secret")))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("PARLEY_DATABASE_MIGRATION_USERNAME is not set");
        assertThatThrownBy(() -> ExternalDatabase.from(settings("DATASOURCES_DEFAULT_URL", URL,
                "PARLEY_DATABASE_MIGRATION_USERNAME", "parley_owner",
                "PARLEY_DATABASE_MIGRATION_PASSWORD", "owner-secret")))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("DATASOURCES_DEFAULT_USERNAME is not set");
    }

    @Test
    void refusesToStartWithoutProductionSecretsNamingEachVariable() {
        Launcher launcher = new Launcher(settings("DATASOURCES_DEFAULT_URL", URL, "PARLEY_JWT_SECRET", "s"));

        assertThatThrownBy(launcher::launch)
                .isInstanceOf(LaunchException.class)
                .hasMessage("PARLEY_ENCRYPTION_KEY is not set: generate one with `openssl rand -base64 32`");
        assertThatThrownBy(new Launcher(settings("DATASOURCES_DEFAULT_URL", URL))::launch)
                .hasMessageContaining("PARLEY_ENCRYPTION_KEY is not set")
                .hasMessageContaining("PARLEY_JWT_SECRET is not set: generate one with `openssl rand -base64 48`");
        // Failing fast: nothing was created in the (default) data directory.
        assertThat(Files.exists(home.resolve(".parley"))).isFalse();
    }

    @Test
    void theMigrationJobNeedsNoApplicationSecrets() {
        // Fails later, at the (unreachable) database, not at the secrets check.
        Launcher launcher = new Launcher(settings("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://127.0.0.1:1/parley",
                "PARLEY_ROLES", "migrate"));

        assertThatThrownBy(launcher::launch)
                .isNotInstanceOf(LaunchException.class)
                .satisfies(failure -> assertThat(StartupFailure.explain(failure))
                        .hasValueSatisfying(reason -> assertThat(reason).startsWith("cannot use the database:")));
    }
}
