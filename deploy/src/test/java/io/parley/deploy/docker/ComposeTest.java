package io.parley.deploy.docker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docker/compose.yaml: the order PostgreSQL → migrate → roles, a scalable worker, hardening, secrets from .env. */
class ComposeTest {

    private static final Map<String, Object> COMPOSE = load();
    private static final Pattern INTERPOLATED = Pattern.compile("^\\$\\{[A-Z_]+(:[?-][^}]*)?}$");

    @Test
    void postgresKeepsItsDataInAVolumeAndReportsItsHealth() {
        Map<String, Object> postgres = service("postgres");

        assertThat(strings(postgres.get("volumes"))).anyMatch(v -> v.startsWith("postgres-data:/var/lib/postgresql/data"));
        assertThat(map(postgres.get("healthcheck")).get("test").toString()).contains("pg_isready");
    }

    @Test
    void migrationsRunOnceAsTheOwnerAfterPostgresIsHealthy() {
        Map<String, Object> migrate = service("migrate");
        Map<String, Object> environment = map(migrate.get("environment"));

        assertThat(migrate.get("restart")).isEqualTo("no");
        assertThat(map(map(migrate.get("depends_on")).get("postgres"))).containsEntry("condition", "service_healthy");
        assertThat(environment).containsEntry("PARLEY_ROLES", "migrate")
                .containsEntry("PARLEY_DATABASE_MIGRATION_USERNAME", "parley_owner");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "worker", "web"})
    void eachRoleStartsAfterTheMigrationsSucceededAndNeverMigratesItself(String role) {
        Map<String, Object> service = service(role);
        Map<String, Object> environment = map(service.get("environment"));

        assertThat(map(map(service.get("depends_on")).get("migrate")))
                .containsEntry("condition", "service_completed_successfully");
        assertThat(environment).containsEntry("PARLEY_ROLES", role).containsEntry("PARLEY_DATABASE_MIGRATE", "false")
                .containsEntry("DATASOURCES_DEFAULT_USERNAME", "parley_app")
                .doesNotContainKey("PARLEY_DATABASE_MIGRATION_PASSWORD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"migrate", "api", "worker", "web", "parley"})
    void everyParleyContainerIsHardened(String name) {
        Map<String, Object> service = service(name);

        assertThat(service.get("read_only")).isEqualTo(true);
        assertThat(strings(service.get("cap_drop"))).containsExactly("ALL");
        assertThat(strings(service.get("security_opt"))).contains("no-new-privileges:true");
        assertThat(strings(service.get("tmpfs"))).anyMatch(tmpfs -> tmpfs.startsWith("/tmp"));
    }

    @Test
    void theWorkerCanBeScaled() {
        Map<String, Object> worker = service("worker");

        assertThat(worker).doesNotContainKeys("container_name", "ports");
        assertThat(map(service("proxy")).get("volumes").toString()).contains("nginx.conf");
        assertThat(DockerFiles.read("proxy/nginx.conf")).contains("resolver 127.0.0.11 valid=10s")
                .contains("location /webhooks/ { proxy_pass $worker; }").contains("proxy_buffering off");
    }

    @Test
    void offersASingleContainerForTheSmallestInstalls() {
        Map<String, Object> parley = service("parley");

        assertThat(strings(parley.get("profiles"))).containsExactly("all-in-one");
        assertThat(map(parley.get("environment"))).containsEntry("PARLEY_ROLES", "all")
                .doesNotContainKey("DATASOURCES_DEFAULT_URL");
        assertThat(strings(parley.get("volumes"))).contains("parley-data:/var/lib/parley");
        assertThat(parley.get("init")).isEqualTo(true);
    }

    @Test
    void everySecretComesFromTheEnvFile() {
        for (Map.Entry<String, Object> service : map(COMPOSE.get("services")).entrySet()) {
            map(map(service.getValue()).getOrDefault("environment", Map.of())).forEach((name, value) -> {
                if (name.matches(".*(PASSWORD|SECRET|_KEY)$")) {
                    assertThat(value.toString()).as(service.getKey() + " " + name).matches(INTERPOLATED);
                }
            });
        }
        assertThat(DockerFiles.read(".env.example")).contains("PARLEY_ENCRYPTION_KEY=\n", "PARLEY_JWT_SECRET=\n",
                "PARLEY_DB_APP_PASSWORD=\n");
    }

    private static Map<String, Object> service(String name) {
        return map(map(COMPOSE.get("services")).get(name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<String>) value;
    }

    private static Map<String, Object> load() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        return new Yaml(options).load(DockerFiles.read("compose.yaml"));
    }
}
