package io.parley.api.flow;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class FlowOpenApiTest extends ApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void flowEndpointsAndSchemasAreDocumentedWithExamples() {
        Map<String, Object> spec = new Yaml().load(api().get("/openapi/parley-api.yml", null).text());
        Map<String, Object> paths = (Map<String, Object>) spec.get("paths");
        Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) spec.get("components")).get("schemas");

        assertThat(paths).containsKeys("/api/v1/bots/{botId}/flows", "/api/v1/bots/{botId}/flows/{flowId}",
                "/api/v1/bots/{botId}/flows/dry-run");
        assertThat((Map<String, Object>) paths.get("/api/v1/bots/{botId}/flows/{flowId}"))
                .containsKeys("get", "patch", "delete");
        for (String name : new String[]{"FlowRequest", "FlowTrigger", "FlowStep", "FlowDryRunRequest", "FlowDryRun",
                "FlowCondition"}) {
            assertThat(schemas.get(name)).as(name).containsKey("examples");
        }
        assertThat(schemas.get("FlowStep").get("description").toString())
                .contains("set_attribute", "ask_llm", "handoff", "WhatsApp shows at most 3 reply buttons");
        Map<String, Object> stepType = (Map<String, Object>)
                ((Map<String, Object>) schemas.get("FlowStep").get("properties")).get("type");
        assertThat(stepType.get("enum")).asList()
                .containsExactly("text", "buttons", "image", "set_attribute", "handoff", "ask_llm", "branch", "ask",
                        "goto", "card", "list", "link_button", "carousel");
        assertThat(schemas.get("FlowTrigger").get("description").toString()).contains("`gate`: `until`");
        assertThat(schemas.get("FlowCondition")).as("one schema for conditions").containsKey("examples");
    }
}
