package io.parley.deploy.helm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Standard labels everywhere, and the platform team's own labels and annotations on every object. */
class MetadataTest {

    @Test
    void everyObjectCarriesTheStandardAndTheCommonLabelsAndAnnotations() {
        Manifests manifests = Chart.render("""
                commonLabels: {team: chat-platform}
                commonAnnotations: {owner: chat-platform@example.com}
                ingress: {enabled: true}
                api: {autoscaling: {enabled: true}}
                """);

        assertThat(manifests.objects()).hasSize(15).allSatisfy(object -> {
            String name = object.getKind() + "/" + object.getMetadata().getName();
            assertThat(object.getMetadata().getLabels()).as(name)
                    .containsEntry("app.kubernetes.io/name", "parley")
                    .containsEntry("app.kubernetes.io/instance", Chart.RELEASE)
                    .containsEntry("app.kubernetes.io/managed-by", "Helm")
                    .containsEntry("team", "chat-platform");
            assertThat(object.getMetadata().getAnnotations()).as(name)
                    .containsEntry("owner", "chat-platform@example.com");
            assertThat(object.getMetadata().getNamespace()).as(name).isEqualTo(Chart.NAMESPACE);
        });
    }

    @Test
    void theImageCanBePinnedByDigest() {
        String digest = "sha256:" + "a".repeat(64);
        Manifests manifests = Chart.render("image: {registry: registry.example.com, repository: chat/parley, digest: "
                + digest + "}");

        assertThat(manifests.podSpecs()).allSatisfy(pod -> assertThat(pod.getContainers().getFirst().getImage())
                .isEqualTo("registry.example.com/chat/parley@" + digest));
    }
}
