package io.parley.api.flow;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tenant A, with a JWT and with an admin API key, aims every flow endpoint at tenant B's bot and flow: 404. */
@MicronautTest(transactional = false)
class FlowIsolationTest extends ApiTest {

    private static final Map<String, Object> VALID = Map.of("name", "x", "trigger", Map.of("type", "follow"),
            "steps", List.of(Map.of("type", "text", "text", "x")));

    private Session ownerA;
    private String keyA;
    private String botA;
    private String flowA;
    private Session ownerB;
    private String botB;
    private String flowB;

    @BeforeAll
    void twoTenantsWithFlows() {
        FlowApi flows = new FlowApi(api());
        ownerA = api().signup("Flow Tenant A");
        keyA = api().post("/api/v1/api-keys", ownerA.accessToken(), Map.of("name", "a", "role", "admin")).string("key");
        botA = flows.bot(ownerA, Map.of());
        flowA = flows.create(ownerA.accessToken(), botA, VALID);
        ownerB = api().signup("Flow Tenant B");
        botB = flows.bot(ownerB, Map.of());
        flowB = flows.create(ownerB, botB, "B's secret flow", 0,
                Map.of("type", "keyword", "keywords", List.of("secret")), List.of(Map.of("type", "text", "text", "B")));
    }

    @Test
    void anotherTenantsBotIsNotFoundOnEveryEndpoint() {
        for (String credential : new String[]{ownerA.accessToken(), keyA}) {
            assertNotFound(api().post(FlowApi.flows(botB), credential, VALID));
            assertNotFound(api().get(FlowApi.flows(botB), credential));
            assertNotFound(api().get(FlowApi.flows(botB) + "/" + flowB, credential));
            assertNotFound(api().patch(FlowApi.flows(botB) + "/" + flowB, credential, Map.of("enabled", false)));
            assertNotFound(api().delete(FlowApi.flows(botB) + "/" + flowB, credential));
            assertNotFound(api().post(FlowApi.flows(botB) + "/dry-run", credential, Map.of("text", "secret")));
        }
        Reply untouched = api().get(FlowApi.flows(botB) + "/" + flowB, ownerB.accessToken());
        assertThat(untouched.at("enabled")).isEqualTo(true);
        assertThat(api().get(FlowApi.flows(botB), ownerB.accessToken()).items()).hasSize(1);
    }

    @Test
    void anotherTenantsFlowUnderYourOwnBotIsNotFound() {
        for (String credential : new String[]{ownerA.accessToken(), keyA}) {
            assertNotFound(api().get(FlowApi.flows(botA) + "/" + flowB, credential));
            assertNotFound(api().patch(FlowApi.flows(botA) + "/" + flowB, credential, Map.of("enabled", false)));
            assertNotFound(api().delete(FlowApi.flows(botA) + "/" + flowB, credential));
        }
        assertThat(api().get(FlowApi.flows(botB) + "/" + flowB, ownerB.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void aFlowIsFoundOnlyUnderItsOwnBot() {
        Session ownerC = api().signup("Flow Tenant C");
        String botC = new FlowApi(api()).bot(ownerC, Map.of());

        // Same tenant is impossible on the free plan (one bot), so check with A's flow under C's own bot instead.
        assertNotFound(api().get(FlowApi.flows(botC) + "/" + flowA, ownerC.accessToken()));
    }

    @Test
    void malformedIdsAreNotFound() {
        assertNotFound(api().get(FlowApi.flows("12345"), ownerA.accessToken()));
        assertNotFound(api().get(FlowApi.flows(botA) + "/%27%20OR%201=1", keyA));
        assertNotFound(api().post(FlowApi.flows("not-a-bot") + "/dry-run", keyA, Map.of("text", "hi")));
    }

    @Test
    void dryRunNeverReachesAnotherTenantsFlows() {
        Reply reply = api().post(FlowApi.flows(botA) + "/dry-run", ownerA.accessToken(), Map.of("text", "secret"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.at("matched")).isNull();
        assertThat(reply.text()).doesNotContain(flowB);
    }

    private static void assertNotFound(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
