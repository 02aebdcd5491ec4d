package io.parley.deploy.helm;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /metrics on the pods' management port, a ServiceMonitor when asked for, and the NetworkPolicy letting it in. */
class MetricsTest {

    @Test
    void everyPodServesMetricsOnItsManagementPortAndTheIngressNeverRoutesThere() {
        Manifests manifests = Chart.render("metrics: {port: 9191}", "ingress: {enabled: true, hostname: chat.example.com}");

        assertThat(manifests.config().getData()).containsEntry("PARLEY_MANAGEMENT_PORT", "9191");
        for (String role : Manifests.ROLES) {
            assertThat(manifests.deployment(role).getSpec().getTemplate().getSpec().getContainers().getFirst()
                    .getPorts()).anySatisfy(port -> {
                        assertThat(port.getName()).isEqualTo("metrics");
                        assertThat(port.getContainerPort()).isEqualTo(9191);
                    });
        }
        assertThat(manifests.get(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class, Chart.RELEASE + "-parley")
                .getSpec().getRules().getFirst().getHttp().getPaths())
                .allSatisfy(path -> assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http"));
    }

    @Test
    void noServiceMonitorUnlessAskedFor() {
        assertThat(serviceMonitors(Chart.render())).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServiceMonitorScrapesEveryRolesMetricsPortWithTheLabelsPrometheusSelects() {
        Manifests manifests = Chart.render("metrics: {serviceMonitor: {enabled: true, interval: 15s, "
                + "labels: {release: kube-prometheus}}}");

        GenericKubernetesResource monitor = (GenericKubernetesResource) serviceMonitors(manifests).getFirst();
        assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus");
        Map<String, Object> spec = (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
        Map<String, Object> matchLabels = (Map<String, Object>) ((Map<String, Object>) spec.get("selector"))
                .get("matchLabels");
        for (String role : Manifests.ROLES) {
            assertThat(manifests.get(io.fabric8.kubernetes.api.model.Service.class, Manifests.name(role))
                    .getMetadata().getLabels()).containsAllEntriesOf((Map) matchLabels);
        }
        assertThat((List<Map<String, Object>>) spec.get("endpoints")).singleElement().satisfies(endpoint ->
                assertThat(endpoint).containsEntry("port", "metrics").containsEntry("path", "/metrics")
                        .containsEntry("interval", "15s"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMetricsTokenReachesEveryPodAndTheServiceMonitorSendsIt() {
        Manifests manifests = Chart.render("metrics: {token: {existingSecret: parley-metrics}, "
                + "serviceMonitor: {enabled: true}}");

        for (String role : Manifests.ROLES) {
            var env = manifests.deployment(role).getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv();
            assertThat(env).anySatisfy(variable -> {
                assertThat(variable.getName()).isEqualTo("PARLEY_METRICS_TOKEN");
                assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("parley-metrics");
                assertThat(variable.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("metrics-token");
            });
        }
        GenericKubernetesResource monitor = (GenericKubernetesResource) serviceMonitors(manifests).getFirst();
        Map<String, Object> spec = (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
        assertThat((List<Map<String, Object>>) spec.get("endpoints")).singleElement().satisfies(endpoint ->
                assertThat(endpoint).containsEntry("bearerTokenSecret",
                        Map.of("name", "parley-metrics", "key", "metrics-token")));
        assertThat(Chart.render().deployment("api").getSpec().getTemplate().getSpec().getContainers().getFirst()
                .getEnv()).noneMatch(variable -> variable.getName().equals("PARLEY_METRICS_TOKEN"));
    }

    @Test
    void theNetworkPolicyLetsOnlyTheNamedScrapersReachTheMetricsPort() {
        NetworkPolicy policy = Chart.render("networkPolicy: {metricsFrom: [{namespaceSelector: {matchLabels: "
                + "{name: monitoring}}}]}").all(NetworkPolicy.class).getFirst();

        assertThat(policy.getSpec().getIngress()).anySatisfy(rule -> {
            assertThat(rule.getPorts()).singleElement().satisfies(port ->
                    assertThat(port.getPort().getStrVal()).isEqualTo("metrics"));
            assertThat(rule.getFrom()).singleElement().satisfies(peer ->
                    assertThat(peer.getNamespaceSelector().getMatchLabels()).containsEntry("name", "monitoring"));
        });
    }

    private static List<HasMetadata> serviceMonitors(Manifests manifests) {
        return manifests.objects().stream().filter(object -> "ServiceMonitor".equals(object.getKind())).toList();
    }
}
