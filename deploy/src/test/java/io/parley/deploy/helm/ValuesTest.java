package io.parley.deploy.helm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every value is documented (`## @param`, listed in the chart's README) and checked by values.schema.json. */
class ValuesTest {

    private static final Pattern PARAM = Pattern.compile("^\\s*## @param (\\S+) \\S.*$", Pattern.MULTILINE);
    private static final Pattern README_ROW = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE);

    @Test
    void everyValueIsDocumentedWithAnAtParam() throws IOException {
        Set<String> params = params();
        List<String> undocumented = leaves(new Yaml().load(Files.readString(Chart.DIRECTORY.resolve("values.yaml"))))
                .stream().filter(leaf -> params.stream().noneMatch(p -> leaf.equals(p) || leaf.startsWith(p + ".")))
                .toList();

        assertThat(undocumented).isEmpty();
    }

    @Test
    void everyAtParamNamesAValue() throws IOException {
        List<String> leaves = leaves(new Yaml().load(Files.readString(Chart.DIRECTORY.resolve("values.yaml"))));

        assertThat(params()).allSatisfy(param -> assertThat(leaves)
                .anyMatch(leaf -> leaf.equals(param) || leaf.startsWith(param + ".")));
    }

    @Test
    void theReadmeListsEveryParameter() throws IOException {
        Set<String> listed = new TreeSet<>();
        Matcher matcher = README_ROW.matcher(Files.readString(Chart.DIRECTORY.resolve("README.md")));
        while (matcher.find()) {
            listed.add(matcher.group(1));
        }

        assertThat(listed).isEqualTo(params());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative replicas               | api: {replicaCount: -1}                                  | replicaCount
            unknown pull policy             | image: {pullPolicy: Sometimes}                           | pullPolicy
            a typo at the top               | replicaCount: 3                                          | replicaCount
            a typo in a role                | worker: {replicas: 3}                                    | replicas
            root user                       | podSecurityContext: {runAsUser: 0}                       | runAsUser
            privilege escalation            | containerSecurityContext: {allowPrivilegeEscalation: true} | allowPrivilegeEscalation
            a privileged container          | containerSecurityContext: {privileged: true}             | privileged
            root allowed                    | podSecurityContext: {runAsNonRoot: false}                | runAsNonRoot
            grace period as text            | terminationGracePeriodSeconds: soon                      | terminationGracePeriodSeconds
            a postgres URL as the host port | database: {port: 'five'}                                 | port
            a public URL without scheme     | parley: {publicUrl: chat.example.com}                    | publicUrl
            lower-case setting name         | parley: {config: {parley_llm_timeout: 20s}}              | parley_llm_timeout
            a digest that is not sha256     | image: {digest: latest}                                  | digest
            """)
    void theSchemaRefusesABadValue(String what, String overlay, String named) {
        assertThat(Chart.failure(overlay)).as(what).containsIgnoringCase("schema").contains(named);
    }

    private static Set<String> params() throws IOException {
        Set<String> params = new TreeSet<>();
        Matcher matcher = PARAM.matcher(Files.readString(Chart.DIRECTORY.resolve("values.yaml")));
        while (matcher.find()) {
            params.add(matcher.group(1));
        }
        return params;
    }

    /** Dotted paths of the values' leaves; an empty map or list counts as a leaf. */
    private static List<String> leaves(Map<String, Object> values) {
        List<String> leaves = new ArrayList<>();
        collect("", values, leaves);
        return leaves;
    }

    @SuppressWarnings("unchecked")
    private static void collect(String prefix, Object value, List<String> leaves) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((key, child) -> collect(prefix.isEmpty() ? key.toString() : prefix + "." + key, child, leaves));
        } else {
            leaves.add(prefix);
        }
    }
}
