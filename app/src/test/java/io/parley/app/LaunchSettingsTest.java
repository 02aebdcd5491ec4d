package io.parley.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaunchSettingsTest {

    private static Properties system(String... keyValues) {
        Properties properties = new Properties();
        properties.setProperty("user.home", "/home/ada");
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void defaultsToEmbeddedModeInTheHomeDirectoryServingAllRoles() {
        LaunchSettings settings = LaunchSettings.from(Map.of(), system());

        assertThat(settings.externalDatabase()).isFalse();
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/home/ada/.parley"));
        assertThat(settings.embeddedDatabasePort()).isZero();
        assertThat(settings.roles()).isEqualTo("all");
        assertThat(settings.encryptionKeyConfigured()).isFalse();
        assertThat(settings.jwtSecretConfigured()).isFalse();
    }

    @Test
    void readsTheEnvironment() {
        LaunchSettings settings = LaunchSettings.from(Map.of(
                "DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db:5432/parley",
                "PARLEY_DATA_DIR", "/srv/parley/../parley-data",
                "PARLEY_EMBEDDED_DB_PORT", "15432",
                "PARLEY_ROLES", "api",
                "PARLEY_ENCRYPTION_KEY", "k",
                "PARLEY_JWT_SECRET", "s"), system());

        assertThat(settings.externalDatabase()).isTrue();
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/srv/parley-data"));
        assertThat(settings.embeddedDatabasePort()).isEqualTo(15432);
        assertThat(settings.roles()).isEqualTo("api");
        assertThat(settings.encryptionKeyConfigured()).isTrue();
        assertThat(settings.jwtSecretConfigured()).isTrue();
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironmentAsInMicronaut() {
        LaunchSettings settings = LaunchSettings.from(Map.of("PARLEY_DATA_DIR", "/from/env", "PARLEY_ROLES", "api"),
                system("parley.data-dir", "/from/property", "parley.roles", "worker",
                        "datasources.default.url", "jdbc:postgresql://db/parley"));

        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/from/property"));
        assertThat(settings.roles()).isEqualTo("worker");
        assertThat(settings.externalDatabase()).isTrue();
    }

    @Test
    void blankSecretsCountAsUnsetButABlankDatabaseUrlStillMeansExternal() {
        LaunchSettings settings = LaunchSettings.from(Map.of(
                "PARLEY_ENCRYPTION_KEY", " ", "PARLEY_ROLES", "", "DATASOURCES_DEFAULT_URL", ""), system());

        assertThat(settings.encryptionKeyConfigured()).isFalse();
        assertThat(settings.roles()).isEqualTo("all");
        // An empty URL is a broken deployment, not a wish for an embedded database: ExternalDatabase rejects it.
        assertThat(settings.externalDatabase()).isTrue();
    }

    @Test
    void rejectsAPortThatIsNotOne() {
        assertThatThrownBy(() -> LaunchSettings.from(Map.of("PARLEY_EMBEDDED_DB_PORT", "postgres"), system()))
                .isInstanceOf(LaunchException.class)
                .hasMessage("PARLEY_EMBEDDED_DB_PORT must be a port number (0 = any free port), got 'postgres'");
    }

    @Test
    void tracingIsOffUnlessAnOtlpCollectorIsNamedOrItIsSwitchedOnItself() {
        assertThat(LaunchSettings.from(Map.of(), system()).tracing()).isFalse();
        assertThat(LaunchSettings.from(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"), system())
                .tracing()).isTrue();
        assertThat(LaunchSettings.from(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c:4318/v1/traces"),
                system()).tracing()).isTrue();
        assertThat(LaunchSettings.from(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "PARLEY_TRACING_ENABLED", "false"), system()).tracing()).isFalse();
        assertThat(LaunchSettings.from(Map.of(), system("parley.tracing.enabled", "true")).tracing()).isTrue();
    }
}
