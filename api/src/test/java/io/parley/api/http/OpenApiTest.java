package io.parley.api.http;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import io.parley.api.page.Cursor;
import io.parley.http.problem.Problem;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class OpenApiTest extends ApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void specIsServedParseableAndDocumentsErrorsAndSecurity() {
        Map<String, Object> spec = spec();
        assertThat(spec.get("openapi")).isEqualTo("3.1.0");
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
        assertThat(paths).containsKeys("/api/v1/auth/signup", "/api/v1/auth/login", "/api/v1/auth/refresh",
                "/api/v1/me", "/api/v1/members", "/api/v1/api-keys", "/api/v1/audit-log", "/api/v1/invitations");
        assertThat(paths).containsKeys("/health", "/health/liveness", "/health/readiness");
        assertThat(paths).as("the operator's /metrics is not part of the public API").doesNotContainKey("/metrics");
        Map<String, Object> components = (Map<String, Object>) spec.get("components");
        Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) components.get("responses");
        List<String> undocumented = new ArrayList<>();
        operations(spec).forEach((name, operation) -> {
            Map<String, Object> answers = (Map<String, Object>) operation.get("responses");
            boolean problemDocumented = answers.entrySet().stream()
                    .filter(answer -> answer.getKey().startsWith("4"))
                    .map(answer -> resolve((Map<String, Object>) answer.getValue(), responses))
                    .allMatch(answer -> ((Map<String, Object>) answer.get("content")).containsKey("application/problem+json"));
            boolean hasError = answers.keySet().stream().anyMatch(code -> code.startsWith("4"));
            // A browser endpoint's success is a redirect (provider sign-in start and callback: 302).
            boolean hasSuccess = answers.keySet().stream().anyMatch(code -> code.startsWith("2") || code.equals("302"));
            if (!problemDocumented || !hasError || !hasSuccess) {
                undocumented.add(name);
            }
        });
        assertThat(undocumented).isEmpty();
        Map<String, Object> schemes = (Map<String, Object>) components.get("securitySchemes");
        assertThat(schemes).containsKey("bearer");
        assertThat(((Map<String, Object>) components.get("schemas")))
                .containsKeys("Problem", "Tokens", "SignupRequest", "Member", "ApiKey", "AuditEntry", "BotPage");
    }

    @Test
    @SuppressWarnings("unchecked")
    void operationsHaveExplicitIdsAndOnlyTheErrorsTheyCanGive() {
        Map<String, Map<String, Object>> operations = operations(spec());
        List<String> ids = operations.values().stream().map(operation -> (String) operation.get("operationId")).toList();

        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("[a-z][A-Za-z]+"))
                .contains("listBots", "createBot", "getBot", "updateBot", "deleteBot", "createChannel", "listContacts");
        Map<String, Object> listBots = operations.get("get /api/v1/bots");
        Map<String, Object> createBot = operations.get("post /api/v1/bots");
        Map<String, Object> getBot = operations.get("get /api/v1/bots/{botId}");
        assertThat(((Map<String, Object>) listBots.get("responses")).keySet())
                .contains("400", "401", "403", "406", "429", "503").doesNotContain("402", "404", "409", "413", "415");
        assertThat(((Map<String, Object>) createBot.get("responses")).keySet())
                .contains("400", "402", "413", "415").doesNotContain("404", "409");
        assertThat(((Map<String, Object>) getBot.get("responses")).keySet())
                .contains("404").doesNotContain("400", "402", "413", "415");
        assertThat((List<Object>) listBots.get("parameters")).containsExactly(
                Map.of("$ref", "#/components/parameters/limit"), Map.of("$ref", "#/components/parameters/cursor"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void documentHasSemverVersionServersRequiredFieldsAndNoJavaNamesInSchemas() {
        Map<String, Object> spec = spec();
        Map<String, Object> info = (Map<String, Object>) spec.get("info");
        Map<String, Object> components = (Map<String, Object>) spec.get("components");
        Map<String, Object> schemas = (Map<String, Object>) components.get("schemas");
        Map<String, Object> parameters = (Map<String, Object>) components.get("parameters");

        assertThat((String) info.get("version")).matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
        assertThat((List<Object>) spec.get("servers")).isNotEmpty();
        assertThat(schemas.keySet()).allSatisfy(name -> assertThat(name).matches("[A-Z][A-Za-z0-9]+"));
        assertThat((Map<String, Object>) ((Map<String, Object>) parameters.get("limit")).get("schema"))
                .containsEntry("minimum", 1)
                .containsEntry("maximum", Cursor.MAX_LIMIT).containsEntry("default", Cursor.DEFAULT_LIMIT);
        assertThat((List<String>) ((Map<String, Object>) schemas.get("Channel")).get("required"))
                .contains("id", "type", "webhookUrl", "credentials", "health", "testOnly");
        assertThat((List<String>) ((Map<String, Object>) schemas.get("Tokens")).get("required"))
                .contains("accessToken", "refreshToken", "tokenType", "expiresIn");
        Map<String, Object> credentials = (Map<String, Object>) schemas.get("ChannelCredentials");
        assertThat((Map<String, Object>) credentials.get("additionalProperties")).containsEntry("type", "string");
    }

    @Test
    @SuppressWarnings("unchecked")
    void noTypeIsDocumentedTwiceUnderTwoNames() {
        // a field-level @Schema on a record type that names itself (@Schema(name = "X")) makes micronaut-openapi emit
        // a second copy under the Java name (e.g. CreditWireGrantView next to CreditGrant): clients would get two types
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) spec().get("components")).get("schemas");
        Map<String, List<String>> namesByBody = new java.util.TreeMap<>();
        schemas.forEach((name, body) -> {
            Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) body).get("properties");
            if (properties != null && properties.size() > 1) {
                Map<String, Object> withoutDescription = new java.util.TreeMap<>((Map<String, Object>) body);
                withoutDescription.remove("description");
                namesByBody.computeIfAbsent(withoutDescription.toString(), key -> new java.util.ArrayList<>()).add(name);
            }
        });
        assertThat(namesByBody.values()).allSatisfy(names -> assertThat(names).as("the same schema").hasSize(1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void problemSchemaNamesEveryFieldOfTheProblemRecord() {
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) spec().get("components")).get("schemas");
        Map<String, Object> problem = (Map<String, Object>) schemas.get("Problem");
        Map<String, Object> fieldError = (Map<String, Object>) schemas.get("FieldError");

        assertThat(((Map<String, Object>) problem.get("properties")).keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Problem.class.getRecordComponents()).map(RecordComponent::getName).toList());
        assertThat(((Map<String, Object>) fieldError.get("properties")).keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Problem.FieldError.class.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    private Map<String, Object> spec() {
        Reply reply = api().get("/openapi/parley-api.yml", null);
        assertThat(reply.status()).isEqualTo(200);
        return new Yaml().load(reply.text());
    }

    /** Every operation of the document by "method path". */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> operations(Map<String, Object> spec) {
        Map<String, Map<String, Object>> operations = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) spec.get("paths")).forEach((path, item) -> item.forEach((method, operation) ->
                operations.put(method + " " + path, (Map<String, Object>) operation)));
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> response, Map<String, Map<String, Object>> responses) {
        Object ref = response.get("$ref");
        return ref == null ? response : responses.get(ref.toString().substring("#/components/responses/".length()));
    }

    @Test
    void swaggerUiIsServed() {
        Reply page = api().get("/swagger-ui/index.html", null);
        Reply bundle = api().get("/swagger-ui/res/swagger-ui-bundle.js", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("swagger-ui");
        assertThat(bundle.status()).isEqualTo(200);
    }
}
