package io.parley.deploy.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ChartLintTest {

    @Test
    void lintsStrictlyWithTheValuesOfARealInstall(@TempDir Path copy) throws IOException {
        // helm lint takes no values files: lint a copy whose values.yaml has the minimal values merged in.
        copyChart(copy);
        Map<String, Object> values = load(copy.resolve("values.yaml"));
        merge(values, load(Chart.minimalValues()));
        Files.writeString(copy.resolve("values.yaml"), new Yaml().dump(values));
        LintResult result = new Helm(copy).lint().strict().call();

        assertThat(result.getMessages()).allSatisfy(message -> assertThat(message).doesNotContain("[ERROR]"));
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void lintsStrictlyWithTheChartDefaults() {
        // Helm's lint mode lets `required` pass; the render tests check what the defaults lack.
        LintResult result = new Helm(Chart.DIRECTORY).lint().strict().call();

        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    private static Map<String, Object> load(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> target, Map<String, Object> overlay) {
        overlay.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map && target.get(key) instanceof Map<?, ?> existing) {
                merge((Map<String, Object>) existing, (Map<String, Object>) map);
            } else {
                target.put(key, value);
            }
        });
    }

    private static void copyChart(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(Chart.DIRECTORY)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(Chart.DIRECTORY.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
