package io.parley.api.flow;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Conditions, gates and branch steps through /api/v1/bots/{botId}/flows and its dry-run. */
@MicronautTest(transactional = false)
class FlowConditionApiTest extends ApiTest {

    private static final Map<String, Object> SET_UP = Map.of("field", "contact.personaOverride", "op", "exists");
    private static final Map<String, Object> ADULT = Map.of("field", "contact.attributes.age", "op", "gte",
            "value", 18);

    private Session owner;
    private String bot;

    @BeforeAll
    void aBot() {
        owner = api().signup("Conditions Co");
        bot = new FlowApi(api()).bot(owner, Map.of());
    }

    @Test
    void aGateWithAConditionAndABranchIsStoredAndReadBackAsSent() {
        Map<String, Object> branch = Map.of("type", "branch", "condition", ADULT,
                "steps", List.of(Map.of("type", "text", "text", "Welcome back")),
                "elseSteps", List.of(Map.of("type", "text", "text", "Set up first: {{setupUrl}}")));
        Map<String, Object> condition = Map.of("any", List.of(Map.of("field", "channel", "op", "in",
                "values", List.of("line", "web")), Map.of("not", Map.of("field", "time", "op", "between",
                "values", List.of("22:00", "06:00")))));

        Reply created = api().post(FlowApi.flows(bot), owner.accessToken(), Map.of("name", "setup gate",
                "trigger", Map.of("type", "gate", "until", SET_UP), "steps", List.of(branch),
                "condition", condition));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Reply read = api().get(FlowApi.flows(bot) + "/" + created.string("id"), owner.accessToken());
        assertThat(read.at("trigger")).isEqualTo(Map.of("type", "gate", "until", SET_UP));
        assertThat(read.at("condition")).isEqualTo(condition);
        assertThat(read.at("steps")).isEqualTo(List.of(branch));
        delete(created.string("id"));
    }

    @Test
    void anUnknownFieldOnAFlowOrAConditionIsRefusedNotDropped() {
        Reply typo = api().post(FlowApi.flows(bot), owner.accessToken(), Map.of("name", "typo",
                "trigger", Map.of("type", "follow"), "steps", List.of(Map.of("type", "text", "text", "Hi")),
                "conditions", SET_UP));
        Reply inCondition = api().post(FlowApi.flows(bot), owner.accessToken(), Map.of("name", "typo",
                "trigger", Map.of("type", "follow"), "steps", List.of(Map.of("type", "text", "text", "Hi")),
                "condition", Map.of("field", "contact.tier", "op", "equals", "value", "gold", "unless", true)));
        Reply onAText = post(Map.of("type", "follow"), List.of(Map.of("type", "text", "text", "Hi",
                "condition", ADULT)), null);

        assertThat(typo.status()).as(typo.text()).isEqualTo(400);
        assertThat(typo.text()).contains("conditions");
        assertThat(inCondition.status()).as(inCondition.text()).isEqualTo(400);
        assertThat(inCondition.text()).contains("condition.unless");
        assertInvalid(onAText, "steps[0].condition");
        assertThat(api().get(FlowApi.flows(bot), owner.accessToken()).at("items")).isEqualTo(List.of());
    }

    @Test
    void everyInvalidPartOfAConditionIsNamed() {
        Map<String, Object> until = Map.of("all", List.of(Map.of("field", "contact.mood", "op", "equals",
                        "value", "x"), Map.of("field", "weekday", "op", "gt", "value", 3),
                Map.of("field", "contact.attributes.birthDate", "op", "before", "value", "yesterday")));
        Map<String, Object> nested = Map.of("type", "branch", "condition", ADULT, "steps", List.of(Map.of(
                "type", "branch", "condition", ADULT, "steps", List.of(Map.of("type", "text", "text", "x")))));

        Reply reply = post(Map.of("type", "gate", "until", until), List.of(Map.of("type", "text", "text", "Hi"),
                nested), Map.of("field", "time", "op", "between", "values", List.of("9am", "17:00")));

        assertInvalid(reply, "trigger.until.all[0].field", "trigger.until.all[1].op", "trigger.until.all[2].value",
                "steps[1].steps[0].type", "condition.values[0]");
        assertThat(post(Map.of("type", "gate"), List.of(Map.of("type", "text", "text", "Hi")), null)
                .string("errors.0.field")).isEqualTo("trigger.until");
    }

    @Test
    void aHandoffInsideABranchMakesTheBranchTheLastStep() {
        Map<String, Object> branch = Map.of("type", "branch", "condition", ADULT,
                "steps", List.of(Map.of("type", "handoff"), Map.of("type", "text", "text", "late")));

        Reply reply = post(Map.of("type", "follow"), List.of(branch, Map.of("type", "text", "text", "after")), null);

        assertInvalid(reply, "steps[0].steps[0].type", "steps[0].type");
    }

    @Test
    void aPatchReplacesOrRemovesTheCondition() {
        String id = new FlowApi(api()).create(owner.accessToken(), bot, Map.of("name", "premium menu",
                "trigger", Map.of("type", "keyword", "keywords", List.of("menu")),
                "steps", List.of(Map.of("type", "text", "text", "Gold menu")), "condition", ADULT));

        Reply renamed = api().patch(FlowApi.flows(bot) + "/" + id, owner.accessToken(), Map.of("name", "menu"));
        Map<String, Object> removal = new LinkedHashMap<>();
        removal.put("condition", null);
        Reply removed = api().patch(FlowApi.flows(bot) + "/" + id, owner.accessToken(), removal);

        assertThat(renamed.at("condition")).as("a patch without it keeps it").isEqualTo(ADULT);
        assertThat(removed.status()).as(removed.text()).isEqualTo(200);
        assertThat(removed.at("condition")).isNull();
        delete(id);
    }

    @Test
    void theDryRunShowsTheClosedGateAndTheBranchTaken() {
        String gate = new FlowApi(api()).create(owner.accessToken(), bot, Map.of("name", "setup gate",
                "trigger", Map.of("type", "gate", "until", SET_UP),
                "steps", List.of(Map.of("type", "text", "text", "Set up first: {{setupUrl}}"))));
        String hello = new FlowApi(api()).create(owner.accessToken(), bot, Map.of("name", "hello",
                "trigger", Map.of("type", "keyword", "keywords", List.of("hello")),
                "steps", List.of(Map.of("type", "branch", "condition", ADULT,
                        "steps", List.of(Map.of("type", "text", "text", "Hi, grown-up")),
                        "elseSteps", List.of(Map.of("type", "text", "text", "Hi, kid"))))));
        String dryRun = FlowApi.flows(bot) + "/dry-run";

        Reply closed = api().post(dryRun, owner.accessToken(), Map.of("text", "hello"));
        Reply open = api().post(dryRun, owner.accessToken(), Map.of("text", "hello", "channel", "line",
                "contact", Map.of("personaOverride", true, "attributes", Map.of("age", "17"))));

        assertThat(closed.string("matched.triggerType")).isEqualTo("gate");
        assertThat(closed.string("steps.0.text")).startsWith("Set up first: http");
        assertThat(open.string("matched.name")).isEqualTo("hello");
        assertThat(open.string("steps.0.text")).isEqualTo("Hi, kid");
        assertThat(open.at("branches")).isEqualTo(List.of("steps[0]: else"));
        assertThat(api().post(dryRun, owner.accessToken(), Map.of("text", "hello", "channel", "fax")).status())
                .isEqualTo(400);
        delete(gate);
        delete(hello);
    }

    @Test
    void anotherTenantsBotIsNotFoundForAGate() {
        Session stranger = api().signup("Stranger Co");
        Reply foreign = api().post(FlowApi.flows(bot), stranger.accessToken(), Map.of("name", "gate",
                "trigger", Map.of("type", "gate", "until", SET_UP), "steps", List.of(Map.of("type", "text",
                        "text", "x"))));

        assertThat(foreign.status()).isEqualTo(404);
    }

    private Reply post(Map<String, Object> trigger, List<Map<String, Object>> steps, Map<String, Object> condition) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "flow", "trigger", trigger, "steps", steps));
        if (condition != null) {
            body.put("condition", condition);
        }
        return api().post(FlowApi.flows(bot), owner.accessToken(), body);
    }

    private void delete(String id) {
        assertThat(api().delete(FlowApi.flows(bot) + "/" + id, owner.accessToken()).status()).isEqualTo(204);
    }

    private static void assertInvalid(Reply reply, String... fields) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) reply.at("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder((Object[]) fields);
    }
}
