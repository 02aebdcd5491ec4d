package io.parley.deploy.helm;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Services, the Ingress (routes by role, TLS, SSE without buffering) and the NetworkPolicy. */
class TrafficTest {

    private static final String INGRESS = "ingress: {enabled: true, hostname: chat.example.com}";

    @ParameterizedTest
    @ValueSource(strings = {"api", "worker", "web"})
    void eachRoleHasAClusterIpServiceOnItsPods(String role) {
        Manifests manifests = Chart.render();
        Service service = manifests.get(Service.class, Manifests.name(role));

        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getSelector())
                .isEqualTo(manifests.deployment(role).getSpec().getSelector().getMatchLabels());
        assertThat(service.getSpec().getPorts()).extracting(port -> port.getTargetPort())
                .containsExactly(new IntOrString("http"), new IntOrString("metrics"));
    }

    @Test
    void routesEachPathToTheRoleThatServesIt() {
        Ingress ingress = ingress(Chart.render(INGRESS));
        Map<String, String> routes = ingress.getSpec().getRules().getFirst().getHttp().getPaths().stream()
                .collect(Collectors.toMap(HTTPIngressPath::getPath, p -> p.getBackend().getService().getName()));

        assertThat(routes).containsExactlyInAnyOrderEntriesOf(Map.of(
                "/api", Manifests.name("api"), "/openapi", Manifests.name("api"),
                "/swagger-ui", Manifests.name("api"), "/openapi-explorer", Manifests.name("api"),
                "/webhooks", Manifests.name("worker"), "/chat", Manifests.name("worker"),
                "/c", Manifests.name("worker"), "/", Manifests.name("web")));
    }

    @Test
    void servesTlsAndDerivesThePublicUrlFromTheHost() {
        Manifests manifests = Chart.render("parley: {publicUrl: ''}", INGRESS);
        Ingress ingress = ingress(manifests);

        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getHosts()).containsExactly("chat.example.com");
            assertThat(tls.getSecretName()).isEqualTo("chat.example.com-tls");
        });
        assertThat(manifests.config().getData()).containsEntry("PARLEY_PUBLIC_URL", "https://chat.example.com");
    }

    @Test
    void keepsEventStreamsUnbufferedAndOpenAndAcceptsLargeWebhooks() {
        assertThat(ingress(Chart.render(INGRESS)).getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "4m");
    }

    @Test
    void trustsOneProxyHopBehindTheIngress() {
        assertThat(Chart.render().config().getData()).containsEntry("PARLEY_HTTP_TRUSTED_PROXY_HOPS", "1");
    }

    @Test
    void needsAPublicUrlWithoutAnIngress() {
        assertThat(Chart.failure("parley: {publicUrl: ''}")).contains("parley.publicUrl is required");
    }

    @Test
    void acceptsConnectionsOnlyOnTheHttpAndMetricsPorts() {
        NetworkPolicy policy = Chart.render().get(NetworkPolicy.class, Chart.RELEASE + "-parley");

        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/instance", Chart.RELEASE)
                .doesNotContainKey("app.kubernetes.io/component");
        assertThat(policy.getSpec().getIngress()).flatExtracting(rule -> rule.getPorts())
                .extracting(port -> port.getPort())
                .containsExactly(new IntOrString("http"), new IntOrString("metrics"));
    }

    @Test
    void canAcceptOnlyTheIngressControllerAndReachOnlyDnsAndTheDatabase() {
        NetworkPolicy policy = Chart.render("""
                networkPolicy:
                  allowExternal: false
                  ingressFrom: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}}]
                  allowExternalEgress: false
                  databasePeers: [{ipBlock: {cidr: 10.20.0.5/32}}]
                """).get(NetworkPolicy.class, Chart.RELEASE + "-parley");

        assertThat(policy.getSpec().getIngress().getFirst().getFrom()).hasSize(2);
        List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
        assertThat(egress).hasSize(2).allSatisfy(rule -> assertThat(rule.getPorts()).isNotEmpty());
        assertThat(egress.get(1).getPorts().getFirst().getPort()).isEqualTo(new IntOrString(5432));
        assertThat(egress.get(1).getTo().getFirst().getIpBlock().getCidr()).isEqualTo("10.20.0.5/32");
    }

    private static Ingress ingress(Manifests manifests) {
        return manifests.get(Ingress.class, Chart.RELEASE + "-parley");
    }
}
