package io.parley.deploy.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations run once per release, before the new pods, as the schema owner, in a Job that cannot deadlock
 * {@code helm upgrade --atomic --wait}: it is a pre-install/pre-upgrade hook that needs nothing the release creates.
 */
class MigrationHookTest {

    private static final Manifests DEFAULTS = Chart.render();

    @Test
    void runsBeforeInstallAndUpgradeAsAHook() {
        Map<String, String> annotations = job().getMetadata().getAnnotations();

        assertThat(annotations).containsEntry("helm.sh/hook", "pre-install,pre-upgrade")
                .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded");
        assertThat(annotations.get("helm.sh/hook")).doesNotContain("post-");
    }

    @Test
    void needsNothingTheReleaseCreatesSoItCanRunBeforeIt() {
        PodSpec pod = job().getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().getFirst();

        assertThat(container.getEnvFrom()).as("the release's ConfigMap does not exist at pre-install").isNullOrEmpty();
        assertThat(pod.getServiceAccountName()).as("nor does its ServiceAccount").isNull();
        assertThat(pod.getVolumes()).allSatisfy(volume -> assertThat(volume.getEmptyDir()).isNotNull());
        assertThat(pod.getInitContainers()).as("nothing waits for the release's own pods").isNullOrEmpty();
    }

    @Test
    void endsWithinHelmsDefaultTimeoutAndKeepsAFailedPodForItsLogs() {
        Job job = job();

        assertThat(job.getSpec().getActiveDeadlineSeconds()).isPositive().isLessThanOrEqualTo(300);
        assertThat(job.getSpec().getBackoffLimit()).isBetween(0, 5);
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    }

    @Test
    void migratesAsTheSchemaOwnerAndNamesTheApplicationRoleToGrantTo() {
        Container container = job().getSpec().getTemplate().getSpec().getContainers().getFirst();

        assertThat(AvailabilityTest.env(container, "PARLEY_ROLES")).isEqualTo("migrate");
        assertThat(AvailabilityTest.env(container, "DATASOURCES_DEFAULT_URL"))
                .isEqualTo("jdbc:postgresql://db.example.com:5432/parley");
        assertThat(SecretsByReferenceTest.secretRefs(container))
                .containsEntry("PARLEY_DATABASE_MIGRATION_USERNAME", "parley-db-owner/username")
                .containsEntry("PARLEY_DATABASE_MIGRATION_PASSWORD", "parley-db-owner/password")
                .containsEntry("DATASOURCES_DEFAULT_USERNAME", "parley-db-app/username")
                .doesNotContainKeys("PARLEY_ENCRYPTION_KEY", "PARLEY_JWT_SECRET");
    }

    @Test
    void servingPodsNeverMigrate() {
        assertThat(DEFAULTS.config().getData()).containsEntry("PARLEY_DATABASE_MIGRATE", "false");
    }

    @Test
    void canBeLeftToTheOperator() {
        Manifests manifests = Chart.render("migrations: {enabled: false}", "database: {owner: {existingSecret: ''}}");

        assertThat(manifests.migrationJob()).isEmpty();
        assertThat(manifests.config().getData()).containsEntry("PARLEY_DATABASE_MIGRATE", "false");
    }

    @Test
    void needsTheSchemaOwnersSecret() {
        assertThat(Chart.failure("database: {owner: {existingSecret: ''}}"))
                .contains("database.owner.existingSecret is required");
    }

    @Test
    void usesAServiceAccountOnlyWhenItExistsBeforeTheRelease() {
        PodSpec pod = Chart.render("serviceAccount: {create: false, name: parley-db-iam}").migrationJob()
                .orElseThrow().getSpec().getTemplate().getSpec();

        assertThat(pod.getServiceAccountName()).isEqualTo("parley-db-iam");
    }

    private static Job job() {
        return DEFAULTS.migrationJob().orElseThrow();
    }
}
