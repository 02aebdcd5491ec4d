package io.parley.deploy.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets only by reference: the chart creates no Secret, and every credential reaches a pod as a secretKeyRef. */
class SecretsByReferenceTest {

    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|_KEY|TOKEN).*");
    private static final String EVERY_SECRET = """
            llm: {existingSecret: parley-llm}
            stripe: {existingSecret: parley-stripe}
            smtp: {host: smtp.example.com, from: bot@example.com, existingSecret: parley-smtp}
            """;

    @Test
    void createsNoSecret() {
        assertThat(Chart.render(EVERY_SECRET).all(Secret.class)).isEmpty();
    }

    @Test
    void everyCredentialComesFromASecretKeyRef() {
        Manifests manifests = Chart.render(EVERY_SECRET);
        List<EnvVar> env = manifests.podSpecs().flatMap(pod -> pod.getContainers().stream())
                .flatMap(container -> container.getEnv().stream()).toList();

        assertThat(env).filteredOn(e -> SECRET_NAME.matcher(e.getName()).matches()
                        && !e.getName().equals("DATASOURCES_DEFAULT_USERNAME"))
                .isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.getValue()).as(e.getName()).isNull();
                    assertThat(e.getValueFrom().getSecretKeyRef().getName()).as(e.getName()).startsWith("parley-");
                });
        assertThat(manifests.config().getData().keySet()).noneMatch(key -> SECRET_NAME.matcher(key).matches());
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "worker", "web"})
    void servingPodsGetTheApplicationRoleAndTheSharedSecretsButNeverTheSchemaOwner(String role) {
        Container container = AvailabilityTest.container(Chart.render().deployment(role));

        assertThat(secretRefs(container)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "DATASOURCES_DEFAULT_USERNAME", "parley-db-app/username",
                "DATASOURCES_DEFAULT_PASSWORD", "parley-db-app/password",
                "PARLEY_ENCRYPTION_KEY", "parley-secrets/encryption-key",
                "PARLEY_JWT_SECRET", "parley-secrets/jwt-secret"));
    }

    @Test
    void optionalSecretsAreReferencedOnlyWhenGiven() {
        Container api = AvailabilityTest.container(Chart.render(EVERY_SECRET).deployment("api"));

        assertThat(secretRefs(api)).containsEntry("PARLEY_LLM_API_KEY", "parley-llm/api-key")
                .containsEntry("STRIPE_API_KEY", "parley-stripe/api-key")
                .containsEntry("STRIPE_WEBHOOK_SECRET", "parley-stripe/webhook-secret")
                .containsEntry("PARLEY_SMTP_PASSWORD", "parley-smtp/password");
    }

    @Test
    void keysInsideTheSecretsAreConfigurable() {
        Container web = AvailabilityTest.container(Chart.render("""
                secrets: {encryptionKeyKey: PARLEY_ENCRYPTION_KEY}
                database: {app: {passwordKey: pw}}
                """).deployment("web"));

        assertThat(secretRefs(web)).containsEntry("PARLEY_ENCRYPTION_KEY", "parley-secrets/PARLEY_ENCRYPTION_KEY")
                .containsEntry("DATASOURCES_DEFAULT_PASSWORD", "parley-db-app/pw");
    }

    @Test
    void refusesToRenderWithoutTheApplicationSecrets() {
        assertThat(Chart.failure("secrets: {existingSecret: ''}")).contains("secrets.existingSecret is required");
        assertThat(Chart.failure("database: {app: {existingSecret: ''}}"))
                .contains("database.app.existingSecret is required");
    }

    @Test
    void refusesToRenderWithoutADatabase() {
        assertThat(Chart.failureWithoutMinimalValues()).contains("is required");
        assertThat(Chart.failure("database: {host: ''}")).contains("database.host is required");
    }

    @Test
    void theValuesHaveNoPlaceForASecret() {
        // A password pasted into the values is refused by the schema instead of ending up in the release history.
        assertThat(Chart.failure("database: {app: {password: hunter2}}")).contains("password");
        assertThat(Chart.failure("secrets: {jwtSecret: abc}")).contains("jwtSecret");
    }

    static Map<String, String> secretRefs(Container container) {
        return container.getEnv().stream().filter(e -> e.getValueFrom() != null
                        && e.getValueFrom().getSecretKeyRef() != null)
                .collect(java.util.stream.Collectors.toMap(EnvVar::getName, e -> e.getValueFrom().getSecretKeyRef()
                        .getName() + "/" + e.getValueFrom().getSecretKeyRef().getKey()));
    }
}
