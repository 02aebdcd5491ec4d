package io.parley.deploy.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What one render produced, with look-ups by kind and role. */
record Manifests(List<HasMetadata> objects) {

    static final List<String> ROLES = List.of("api", "worker", "web");

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).stream().filter(object -> object.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name
                + " in " + objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList()));
    }

    Deployment deployment(String role) {
        return get(Deployment.class, name(role));
    }

    Optional<Job> migrationJob() {
        return find(Job.class, name("migrate"));
    }

    ConfigMap config() {
        return get(ConfigMap.class, Chart.RELEASE + "-parley-config");
    }

    /** Every pod the chart runs: the three roles and, when enabled, the migration Job. */
    Stream<PodSpec> podSpecs() {
        return Stream.concat(all(Deployment.class).stream().map(d -> d.getSpec().getTemplate().getSpec()),
                all(Job.class).stream().map(j -> j.getSpec().getTemplate().getSpec()));
    }

    static String name(String role) {
        return Chart.RELEASE + "-parley-" + role;
    }
}
