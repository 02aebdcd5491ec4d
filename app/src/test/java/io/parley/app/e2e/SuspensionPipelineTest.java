package io.parley.app.e2e;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.testing.SuperuserSql;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A suspended tenant (docs/operator-console.md): its webhooks are acknowledged and stored, its bot answers nothing,
 * and what arrived during the suspension is answered after the resume — the whole of Parley, LINE and LLM faked.
 */
@MicronautTest(transactional = false)
class SuspensionPipelineTest extends PipelineTest {

    private static final String OPERATOR = "e2e-operator-" + UUID.randomUUID().toString().substring(0, 8)
            + "@example.com";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(super.getProperties());
        properties.put("parley.platform-admins", OPERATOR);
        properties.put("parley.turn.coalesce-debounce", "0s");
        return properties;
    }

    @Test
    void aWebhookDuringASuspensionIsAcknowledgedAndAnsweredAfterTheResume() throws InterruptedException {
        Setup setup = setUp(Map.of());
        fakes.llm.set(body -> FakeProviders.LlmAnswer.ok("Answered after all"));
        String tenantId = (String) get("/api/v1/tenant", setup.token()).get("id");
        post("/api/v1/auth/signup", null, Map.of("email", OPERATOR, "password", "correct horse battery",
                "tenantName", "Operator"), 201);
        String operator = (String) post("/api/v1/auth/login", null, Map.of("email", OPERATOR,
                "password", "correct horse battery"), 200).get("accessToken");
        post("/api/v1/admin/tenants/" + tenantId + "/suspension", operator, Map.of("reason", "Unpaid"), 200);

        assertThat(lineText(setup, "U-suspended", "01SUSPENDED", "rt-suspended", "are you there?"))
                .as("acknowledged while suspended").isEqualTo(200);
        await("the held turn", WAIT, () -> heldTurns(tenantId) || !lineMessagesFor("rt-suspended").isEmpty());
        Thread.sleep(500); // a turn that was not held would have answered by now (the LLM answers at once)
        assertThat(lineMessagesFor("rt-suspended")).as("no answer while suspended").isEmpty();
        assertThat(fakes.llmCalls).isEmpty();

        var resumed = send("DELETE", "/api/v1/admin/tenants/" + tenantId + "/suspension", operator, null);
        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
        assertThat(parse(resumed.body()).get("heldTurnsQueued")).isEqualTo(1);

        await("the answer after the resume", WAIT, () -> !lineMessagesFor("U-suspended").isEmpty()
                || !lineMessagesFor("rt-suspended").isEmpty());
        assertThat(fakes.lineMessages().getLast().body()).contains("Answered after all");
    }

    private static boolean heldTurns(String tenantId) {
        return SuperuserSql.number(
                "SELECT count(*) FROM held_turns WHERE tenant_id = ?", UUID.fromString(tenantId)) > 0;
    }
}
