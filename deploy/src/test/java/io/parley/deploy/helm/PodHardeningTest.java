package io.parley.deploy.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every pod the chart runs (api, worker, web, the migration Job) is hardened by default; one test per property. */
class PodHardeningTest {

    private static final Manifests DEFAULTS = Chart.render();

    static Stream<PodSpec> pods() {
        assertThat(DEFAULTS.podSpecs()).hasSize(4);
        return DEFAULTS.podSpecs();
    }

    @ParameterizedTest
    @MethodSource("pods")
    void runsAsTheImagesNonRootUser(PodSpec pod) {
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(10001L);
        assertThat(container(pod).getSecurityContext().getRunAsNonRoot()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("pods")
    void hasAReadOnlyRootFilesystemWithAnEmptyDirForTmp(PodSpec pod) {
        assertThat(container(pod).getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        Volume tmp = pod.getVolumes().stream().filter(v -> v.getName().equals("tmp")).findFirst().orElseThrow();
        assertThat(tmp.getEmptyDir().getSizeLimit()).isNotNull();
        assertThat(container(pod).getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getName()).isEqualTo("tmp");
            assertThat(mount.getMountPath()).isEqualTo("/tmp");
        });
    }

    @ParameterizedTest
    @MethodSource("pods")
    void cannotEscalatePrivileges(PodSpec pod) {
        assertThat(container(pod).getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container(pod).getSecurityContext().getPrivileged()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("pods")
    void dropsEveryCapability(PodSpec pod) {
        assertThat(container(pod).getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container(pod).getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
    }

    @ParameterizedTest
    @MethodSource("pods")
    void usesTheRuntimeDefaultSeccompProfile(PodSpec pod) {
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container(pod).getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    }

    @ParameterizedTest
    @MethodSource("pods")
    void mountsNoServiceAccountToken(PodSpec pod) {
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("pods")
    void limitsMemoryAndRequestsCpu(PodSpec pod) {
        assertThat(container(pod).getResources().getLimits()).containsKey("memory");
        assertThat(container(pod).getResources().getRequests()).containsKeys("cpu", "memory");
    }

    @ParameterizedTest
    @MethodSource("pods")
    void sizesTheHeapFromTheContainersMemory(PodSpec pod) {
        String jvmOptions = DEFAULTS.config().getData().get("JDK_JAVA_OPTIONS");
        if (container(pod).getEnv().stream().anyMatch(e -> e.getName().equals("JDK_JAVA_OPTIONS"))) {
            jvmOptions = container(pod).getEnv().stream().filter(e -> e.getName().equals("JDK_JAVA_OPTIONS"))
                    .findFirst().orElseThrow().getValue();
        }
        assertThat(jvmOptions).contains("-XX:MaxRAMPercentage=").doesNotContain("-Xmx");
    }

    @ParameterizedTest
    @MethodSource("pods")
    void hostsNothingOnTheNode(PodSpec pod) {
        assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostPID()).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostIPC()).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getVolumes()).allSatisfy(volume -> assertThat(volume.getHostPath()).isNull());
    }

    static Container container(PodSpec pod) {
        assertThat(pod.getContainers()).hasSize(1);
        return pod.getContainers().getFirst();
    }
}
