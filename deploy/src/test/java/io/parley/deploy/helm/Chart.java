package io.parley.deploy.helm;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * helm/parley rendered by Helm's own code (helm-java: Helm's Go library through JNI, the same template engine and
 * schema validation as {@code helm template}), with the minimal values of a real install plus a test's own.
 *
 * <p>helm-java's template returns the release manifest without the hooks (Helm keeps hooks apart; only the CLI
 * prints them). So the chart is rendered from a copy whose templates spell the {@code helm.sh/hook*} annotations
 * {@value #UNHOOKED}{@code *}, which makes the migration Job a plain manifest; the parsed objects get their real
 * annotation names back, so the tests see what Helm would install.
 */
final class Chart {

    static final Path DIRECTORY = locate();
    private static final String HOOK = "helm.sh/hook";
    private static final String UNHOOKED = "unhooked.parley.test/hook";
    private static final Path RENDERABLE = unhookedCopy();
    static final String RELEASE = "chat";
    static final String NAMESPACE = "parley";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Chart() {
    }

    /** The manifests with the minimal values and then each overlay (YAML text), as {@code helm template -f … -f …}. */
    static Manifests render(String... overlays) {
        return new Manifests(parse(template(true, overlays)));
    }

    /** The same without the minimal values: only the chart's defaults and the overlays. */
    static Manifests renderWithoutMinimalValues(String... overlays) {
        return new Manifests(parse(template(false, overlays)));
    }

    /** The message of a render that must fail (a `required`, a `fail` or the values schema). */
    static String failure(String... overlays) {
        try {
            String output = template(true, overlays);
            throw new AssertionError("rendered although it should have failed:\n" + output);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    static String failureWithoutMinimalValues(String... overlays) {
        try {
            String output = template(false, overlays);
            throw new AssertionError("rendered although it should have failed:\n" + output);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    static Path minimalValues() {
        return Path.of("src/test/resources/helm/minimal.yaml").toAbsolutePath();
    }

    private static String template(boolean minimal, String... overlays) {
        var command = new Helm(RENDERABLE).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion("1.31.0");
        if (minimal) {
            command.withValuesFile(minimalValues());
        }
        for (String overlay : overlays) {
            command.withValuesFile(write(overlay));
        }
        return command.call();
    }

    private static Path write(String yaml) {
        try {
            Path file = Files.createTempFile("parley-values-", ".yaml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<HasMetadata> parse(String output) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : output.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            HasMetadata object = SERIALIZATION.unmarshal(document, HasMetadata.class);
            Map<String, String> annotations = object.getMetadata().getAnnotations();
            if (annotations != null) {
                Map<String, String> restored = new LinkedHashMap<>();
                annotations.forEach((name, value) -> restored.put(name.replace(UNHOOKED, HOOK), value));
                object.getMetadata().setAnnotations(restored);
            }
            objects.add(object);
        }
        return objects;
    }

    private static Path unhookedCopy() {
        try {
            Path copy = Files.createTempDirectory("parley-chart-");
            try (Stream<Path> files = Files.walk(DIRECTORY)) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(DIRECTORY.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else if (file.getParent().endsWith("templates")) {
                        Files.writeString(target, Files.readString(file).replace(HOOK, UNHOOKED));
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** helm/parley from the module directory (Maven runs tests there) or the repository root (an IDE may). */
    private static Path locate() {
        for (Path candidate : List.of(Path.of("../helm/parley"), Path.of("helm/parley"))) {
            if (Files.isRegularFile(candidate.resolve("Chart.yaml"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("helm/parley not found from " + Path.of("").toAbsolutePath());
    }
}
