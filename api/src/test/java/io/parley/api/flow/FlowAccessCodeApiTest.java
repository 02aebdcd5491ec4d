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

/** The access-code gate through the flow API: ask input access_code, the condition contact.accessCode, the dry-run. */
@MicronautTest(transactional = false)
class FlowAccessCodeApiTest extends ApiTest {

    private static final Map<String, Object> GATE = Map.of("type", "gate",
            "until", Map.of("field", "contact.accessCode", "op", "exists"));
    private static final Map<String, Object> ASK_CODE = Map.of("type", "ask", "text", "Your access code, please.",
            "input", "access_code", "retryText", "That code does not work.", "maxAttempts", 5);

    private Session owner;
    private String bot;

    @BeforeAll
    void aBot() {
        owner = api().signup("Access Gate School");
        bot = new FlowApi(api()).bot(owner, Map.of());
    }

    @Test
    void aGateAskingForAnAccessCodeIsStoredAndTheDryRunOpensItForAContactWithACode() {
        String id = new FlowApi(api()).create(owner.accessToken(), bot, Map.of("name", "students only",
                "trigger", GATE, "steps", List.of(ASK_CODE, Map.of("type", "text", "text", "Welcome!"))));

        Reply read = api().get(FlowApi.flows(bot) + "/" + id, owner.accessToken());
        assertThat(read.string("steps.0.input")).isEqualTo("access_code");
        assertThat(read.at("steps.0.saveTo")).as("optional for access codes").isNull();
        assertThat(read.string("trigger.until.field")).isEqualTo("contact.accessCode");

        Reply closed = api().post(FlowApi.flows(bot) + "/dry-run", owner.accessToken(), Map.of("text", "hi"));
        assertThat(closed.string("matched.triggerType")).as(closed.text()).isEqualTo("gate");
        assertThat(closed.string("waitsForAnswer")).isEqualTo("contact.accessCode");
        Reply open = api().post(FlowApi.flows(bot) + "/dry-run", owner.accessToken(),
                Map.of("text", "hi", "contact", Map.of("accessCode", true)));
        assertThat(open.at("matched")).as(open.text()).isNull();
        assertThat(open.string("then")).isEqualTo("llm");
    }

    @Test
    void otherInputsStillNeedSaveToAndAccessCodeRefusesAPatternAndAnyOpButExists() {
        Reply noSave = api().post(FlowApi.flows(bot), owner.accessToken(), Map.of("name", "x",
                "trigger", Map.of("type", "keyword", "keywords", List.of("x")),
                "steps", List.of(Map.of("type", "ask", "text", "?", "input", "text"))));
        assertThat(noSave.status()).isEqualTo(400);
        assertThat(noSave.text()).contains("steps[0].saveTo");

        Reply pattern = api().post(FlowApi.flows(bot), owner.accessToken(), Map.of("name", "x", "trigger", GATE,
                "steps", List.of(Map.of("type", "ask", "text", "?", "input", "access_code", "pattern", "x"))));
        assertThat(pattern.status()).isEqualTo(400);
        assertThat(pattern.text()).contains("steps[0].pattern");

        Reply op = api().post(FlowApi.flows(bot), owner.accessToken(), Map.of("name", "x",
                "trigger", Map.of("type", "gate", "until", Map.of("field", "contact.accessCode", "op", "equals",
                        "value", "yes")), "steps", List.of(ASK_CODE)));
        assertThat(op.status()).isEqualTo(400);
        assertThat(op.text()).contains("trigger.until.op");
    }
}
