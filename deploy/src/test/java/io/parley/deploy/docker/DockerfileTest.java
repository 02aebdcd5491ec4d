package io.parley.deploy.docker;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What docker/Dockerfile promises, checked without a Docker engine (docker/test.sh builds and runs it where one is):
 * the final stage runs as a fixed non-root uid, checks its health, carries OCI labels, takes its bases as build args
 * and holds no secret.
 */
class DockerfileTest {

    private static final String DOCKERFILE = DockerFiles.read("Dockerfile");
    private static final List<String> FINAL_STAGE = finalStage();

    @Test
    void theFinalStageRunsAsAFixedNonRootUid() {
        List<String> users = FINAL_STAGE.stream().filter(line -> line.startsWith("USER ")).toList();

        assertThat(users).isNotEmpty();
        assertThat(users.getLast()).isEqualTo("USER 10001:10001");
    }

    @Test
    void checksItsHealthOnTheReadinessEndpoint() {
        assertThat(FINAL_STAGE).anyMatch(line -> line.startsWith("HEALTHCHECK ") && line.contains("/app/healthcheck.sh"));
        assertThat(DockerFiles.read("healthcheck.sh")).contains("GET /health/readiness");
    }

    @Test
    void takesEveryBaseImageAsABuildArg() {
        List<String> froms = DOCKERFILE.lines().filter(line -> line.startsWith("FROM ")).toList();

        assertThat(froms).allSatisfy(from -> assertThat(from).matches("FROM (\\$\\{[A-Z_]+_IMAGE}|base) AS [a-z-]+"));
        assertThat(DOCKERFILE).contains("ARG JDK_IMAGE=", "ARG BUILD_IMAGE=", "ARG RUNTIME_IMAGE=");
    }

    @Test
    void runsAJlinkedRuntimeSizedForContainers() {
        assertThat(DOCKERFILE).contains("jlink").contains("--add-modules java.base,");
        assertThat(String.join("\n", FINAL_STAGE)).doesNotContain("JDK_IMAGE");
        assertThat(DOCKERFILE).contains("-XX:MaxRAMPercentage=").doesNotContain("-Xmx");
    }

    @Test
    void labelsTheImageWithVersionRevisionAndSource() {
        assertThat(String.join("\n", FINAL_STAGE)).contains("org.opencontainers.image.version=\"${VERSION}\"",
                "org.opencontainers.image.revision=\"${REVISION}\"", "org.opencontainers.image.source=\"${SOURCE}\"");
    }

    @Test
    void javaIsPidOneSoSigtermReachesParley() {
        assertThat(FINAL_STAGE.getLast()).startsWith("ENTRYPOINT [\"java\"");
    }

    @Test
    void holdsNoSecret() {
        Matcher env = Pattern.compile("(?m)^\\s*(ENV|ARG)\\s.*(PASSWORD|SECRET|ENCRYPTION_KEY|API_KEY).*$")
                .matcher(DOCKERFILE);
        assertThat(env.find()).as("a secret in an ENV or ARG ends up in the image's history").isFalse();
        assertThat(DockerFiles.read("../.dockerignore")).contains("docker/.env", "**/target/", ".git/");
    }

    /** The lines of the last stage, with continuation lines joined. */
    private static List<String> finalStage() {
        String joined = DOCKERFILE.replaceAll("\\\\\\n\\s*", " ");
        String[] stages = joined.split("(?m)^FROM ");
        return Arrays.stream(stages[stages.length - 1].split("\n")).map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
