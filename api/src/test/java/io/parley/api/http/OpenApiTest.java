package io.parley.api.http;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class OpenApiTest extends ApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void specIsServedParseableAndDocumentsErrorsAndSecurity() {
        Reply reply = api().get("/openapi/parley-api.yml", null);
        assertThat(reply.status()).isEqualTo(200);

        Map<String, Object> spec = new Yaml().load(reply.text());
        assertThat(spec.get("openapi").toString()).startsWith("3.");
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
        assertThat(paths).containsKeys("/api/v1/auth/signup", "/api/v1/auth/login", "/api/v1/auth/refresh",
                "/api/v1/me", "/api/v1/members", "/api/v1/api-keys", "/api/v1/audit-log", "/api/v1/invitations");
        assertThat(paths).containsKeys("/health", "/health/liveness", "/health/readiness");
        List<String> undocumented = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, raw) -> {
            if (path.startsWith("/health")) {
                return; // health answers JSON even when failing (503), never problem+json
            }
            Map<String, Object> operation = (Map<String, Object>) raw;
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            Map<String, Object> badRequest = (Map<String, Object>) responses.get("400");
            boolean problemDocumented = badRequest != null
                    && ((Map<String, Object>) badRequest.get("content")).containsKey("application/problem+json");
            boolean hasSuccess = responses.keySet().stream().anyMatch(code -> code.startsWith("2"));
            if (!problemDocumented || !hasSuccess) {
                undocumented.add(method + " " + path);
            }
        }));
        assertThat(undocumented).isEmpty();
        Map<String, Object> schemes = (Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("securitySchemes");
        assertThat(schemes).containsKey("bearer");
        assertThat(((Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("schemas")))
                .containsKeys("Problem", "Tokens", "SignupRequest", "Member", "ApiKey", "AuditEntry");
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
