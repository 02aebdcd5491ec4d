package io.parley.deploy.helm;

import io.fabric8.kubernetes.api.model.EnvVar;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every setting the chart passes to Parley is one Parley documents, so a misspelt name cannot pass silently. */
class SettingsTest {

    /** Not in docs/configuration.md: the JVM's own variable. */
    private static final Set<String> NOT_PARLEY_SETTINGS = Set.of("JDK_JAVA_OPTIONS");

    @Test
    void everyEnvironmentVariableTheChartSetsIsADocumentedSetting() throws IOException {
        Manifests manifests = Chart.render("""
                llm: {baseUrl: 'https://llm.example.com/v1', model: m, existingSecret: parley-llm}
                stripe: {existingSecret: parley-stripe}
                smtp: {host: smtp.example.com, from: bot@example.com, existingSecret: parley-smtp}
                """);
        Set<String> names = new TreeSet<>(manifests.config().getData().keySet());
        manifests.podSpecs().flatMap(pod -> pod.getContainers().stream())
                .flatMap(container -> container.getEnv().stream()).map(EnvVar::getName).forEach(names::add);

        Set<String> documented = documentedSettings();
        assertThat(names).hasSizeGreaterThan(20)
                .allSatisfy(name -> assertThat(documented.contains(name) || NOT_PARLEY_SETTINGS.contains(name))
                        .as(name + " is not in docs/configuration.md").isTrue());
    }

    private static Set<String> documentedSettings() throws IOException {
        Set<String> names = new TreeSet<>();
        Path docs = Chart.DIRECTORY.resolve("../../docs").normalize();
        for (Path file : List.of(docs.resolve("configuration.md"), docs.resolve("operations/database.md"))) {
            Matcher matcher = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(Files.readString(file));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }
}
