package io.parley.deploy.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Replicas, probes, disruption budgets, autoscaling, spreading and graceful stops: what a 99.9 % pilot needs. */
class AvailabilityTest {

    private static final Manifests DEFAULTS = Chart.render();

    @ParameterizedTest
    @ValueSource(strings = {"api", "worker", "web"})
    void runsTwoReplicasOfEachRoleWithoutDowntimeOnRollout(String role) {
        Deployment deployment = DEFAULTS.deployment(role);

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable())
                .isEqualTo(new IntOrString(0));
        assertThat(env(container(deployment), "PARLEY_ROLES")).isEqualTo(role);
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "worker", "web"})
    void probesParleysHealthEndpoints(String role) {
        Container container = container(DEFAULTS.deployment(role));

        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/liveness");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/readiness");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health/liveness");
        assertThat(container.getStartupProbe().getFailureThreshold() * container.getStartupProbe().getPeriodSeconds())
                .as("seconds a pod may take to start").isGreaterThanOrEqualTo(60);
        assertThat(container.getReadinessProbe().getHttpGet().getPort()).isEqualTo(new IntOrString("http"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "worker", "web"})
    void hasADisruptionBudgetThatSelectsItsPodsAndLetsADrainProceed(String role) {
        PodDisruptionBudget pdb = DEFAULTS.get(PodDisruptionBudget.class, Manifests.name(role));
        Deployment deployment = DEFAULTS.deployment(role);

        assertThat(pdb.getSpec().getSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/component", role);
        assertThat(pdb.getSpec().getMaxUnavailable()).isEqualTo(new IntOrString(1));
        assertThat(pdb.getSpec().getMinAvailable()).isNull();
    }

    @Test
    void aDisruptionBudgetCanKeepAMinimumInstead() {
        PodDisruptionBudget pdb = Chart.render("api: {pdb: {minAvailable: 1}}")
                .get(PodDisruptionBudget.class, Manifests.name("api"));

        assertThat(pdb.getSpec().getMinAvailable()).isEqualTo(new IntOrString(1));
        assertThat(pdb.getSpec().getMaxUnavailable()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "worker", "web"})
    void spreadsEachRoleOverZonesAndNodes(String role) {
        PodSpec pod = DEFAULTS.deployment(role).getSpec().getTemplate().getSpec();

        assertThat(pod.getTopologySpreadConstraints()).extracting("topologyKey")
                .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
        assertThat(pod.getTopologySpreadConstraints()).allSatisfy(constraint -> assertThat(
                constraint.getLabelSelector().getMatchLabels()).containsEntry("app.kubernetes.io/component", role));
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "worker", "web"})
    void stopsGracefullyWithTimeForTheQueueToHandJobsBack(String role) {
        PodSpec pod = DEFAULTS.deployment(role).getSpec().getTemplate().getSpec();
        long preStop = container(DEFAULTS.deployment(role)).getLifecycle().getPreStop().getSleep().getSeconds();
        long queueShutdown = Long.parseLong(env(container(DEFAULTS.deployment("worker")),
                "PARLEY_QUEUE_SHUTDOWN_TIMEOUT").replace("s", ""));

        assertThat(preStop).isPositive();
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(preStop + queueShutdown);
    }

    @Test
    void refusesAGracePeriodShorterThanTheQueuesShutdown() {
        assertThat(Chart.failure("terminationGracePeriodSeconds: 20"))
                .contains("terminationGracePeriodSeconds (20) must exceed");
    }

    @Test
    void hasNoAutoscalerByDefault() {
        assertThat(DEFAULTS.all(HorizontalPodAutoscaler.class)).isEmpty();
    }

    @Test
    void anAutoscalerOwnsTheReplicaCount() {
        Manifests manifests = Chart.render("api: {autoscaling: {enabled: true, minReplicas: 3, maxReplicas: 9}}");
        HorizontalPodAutoscaler hpa = manifests.get(HorizontalPodAutoscaler.class, Manifests.name("api"));

        assertThat(manifests.deployment("api").getSpec().getReplicas()).isNull();
        assertThat(manifests.deployment("web").getSpec().getReplicas()).isEqualTo(2);
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(Manifests.name("api"));
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(9);
        assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(metric -> {
            assertThat(metric.getResource().getName()).isEqualTo("cpu");
            assertThat(metric.getResource().getTarget().getAverageUtilization()).isEqualTo(70);
        });
    }

    @Test
    void scalesWorkersOnQueueDepthWhenAnExternalMetricIsServed() {
        HorizontalPodAutoscaler hpa = Chart.render("""
                worker:
                  autoscaling:
                    enabled: true
                    queueDepth: {enabled: true, averageValue: "300", selector: {matchLabels: {queue: parley}}}
                """).get(HorizontalPodAutoscaler.class, Manifests.name("worker"));

        assertThat(hpa.getSpec().getMetrics()).hasSize(2).last().satisfies(metric -> {
            assertThat(metric.getType()).isEqualTo("External");
            assertThat(metric.getExternal().getMetric().getName()).isEqualTo("parley_queue_waiting_jobs");
            assertThat(metric.getExternal().getMetric().getSelector().getMatchLabels()).containsEntry("queue", "parley");
            assertThat(metric.getExternal().getTarget().getAverageValue().toString()).isEqualTo("300");
        });
    }

    @Test
    void givesWorkersRoomForWhatsAppsLargestWebhooks() {
        assertThat(Long.parseLong(env(container(DEFAULTS.deployment("worker")), "PARLEY_MAX_REQUEST_BYTES")))
                .isGreaterThanOrEqualTo(3 * 1024 * 1024);
    }

    static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    static String env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not set")).getValue();
    }
}
