package io.parley.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** DATABASE_URL (postgres://…, as PaaS hosts set it) becomes the JDBC URL, user and password; JDBC settings win. */
class DatabaseUrlTest {

    @TempDir
    Path home;

    private LaunchSettings settings(String... keyValues) {
        return TestLaunchSettings.of(home, keyValues);
    }

    @Test
    void aHerokuStyleUrlBecomesAJdbcUrlWithItsUserAndPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:s3cret@db.internal:6543/parley?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/parley?sslmode=require");
        assertThat(url.username()).contains("app");
        assertThat(url.password()).contains("s3cret");
        assertThat(url.toString()).doesNotContain("s3cret");
    }

    @Test
    void thePostgresqlSchemeAndADefaultPortAreAccepted() {
        DatabaseUrl url = DatabaseUrl.parse(" postgresql://app@db/parley ");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db/parley");
        assertThat(url.username()).contains("app");
        assertThat(url.password()).isEmpty();
    }

    @Test
    void anEncodedPasswordIsDecodedAndAPlusStaysAPlus() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://us%65r:p%40ss%3Aw%2Frd+x%25@db:5432/parley");

        assertThat(url.username()).contains("user");
        assertThat(url.password()).contains("p@ss:w/rd+x%");
    }

    @Test
    void malformedUrlsAreRefusedWithoutRepeatingThePassword() {
        for (String bad : new String[] {"mysql://app:hunter2@db/parley", "postgres://app:hunter2@db/",
                "postgres://app:hunter2@/parley", "postgres://app:hun ter2@db/parley",
                "postgres://app:hunter2%zz@db/parley"}) {
            assertThatThrownBy(() -> DatabaseUrl.parse(bad))
                    .isInstanceOf(LaunchException.class)
                    .hasMessageStartingWith("DATABASE_URL ")
                    .hasMessageNotContaining("hunter2");
        }
    }

    @Test
    void databaseUrlAloneSelectsTheExternalDatabaseWithItsCredentials() {
        LaunchSettings settings = settings("DATABASE_URL", "postgres://app:s3cret@db:5432/parley");

        assertThat(settings.externalDatabase()).isTrue();
        assertThat(ExternalDatabase.from(settings).properties()).containsExactly(
                entry("datasources.default.url", "jdbc:postgresql://db:5432/parley"),
                entry("datasources.default.username", "app"),
                entry("datasources.default.password", "s3cret"));
        assertThat(ExternalDatabase.from(settings).description()).doesNotContain("s3cret");
    }

    @Test
    void theJdbcSettingsWinOverDatabaseUrl() {
        LaunchSettings jdbcUrl = settings("DATABASE_URL", "not even a url",
                "DATASOURCES_DEFAULT_URL", "jdbc:postgresql://primary:5432/parley");
        LaunchSettings jdbcCredentials = settings("DATABASE_URL", "postgres://app:s3cret@db:5432/parley",
                "DATASOURCES_DEFAULT_USERNAME", "parley_app", "DATASOURCES_DEFAULT_PASSWORD", "from-jdbc");

        assertThat(jdbcUrl.databaseUrl()).isEqualTo(Optional.empty());
        assertThat(ExternalDatabase.from(jdbcUrl).properties())
                .containsExactly(entry("datasources.default.url", "jdbc:postgresql://primary:5432/parley"));
        assertThat(ExternalDatabase.from(jdbcCredentials).properties())
                .containsExactly(entry("datasources.default.url", "jdbc:postgresql://db:5432/parley"));
    }

    @Test
    void aMigrationOwnerMayComeWithTheUserOfDatabaseUrl() {
        LaunchSettings settings = settings("DATABASE_URL", "postgres://app:s3cret@db:5432/parley",
                "PARLEY_DATABASE_MIGRATION_USERNAME", "owner", "PARLEY_DATABASE_MIGRATION_PASSWORD", "owner-secret");

        assertThat(ExternalDatabase.from(settings).properties())
                .contains(entry("datasources.default.username", "app"),
                        entry("flyway.datasources.migrations.user", "owner"),
                        entry("flyway.datasources.migrations.url", "jdbc:postgresql://db:5432/parley"));
    }

    @Test
    void withoutEitherTheDatabaseIsEmbedded() {
        assertThat(settings().externalDatabase()).isFalse();
        assertThat(settings("DATABASE_URL", " ").externalDatabase()).isFalse();
    }
}
