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

/** {@code contact.tags} conditions through /api/v1/bots/{botId}/flows and its dry-run. */
@MicronautTest(transactional = false)
class FlowTagConditionApiTest extends ApiTest {

    private static final Map<String, Object> VIP = Map.of("field", "contact.tags", "op", "contains", "value", "vip");

    private Session owner;
    private String bot;

    @BeforeAll
    void aBot() {
        owner = api().signup("Tag Conditions Co");
        bot = new FlowApi(api()).bot(owner, Map.of());
    }

    @Test
    void aFlowWithTagConditionsIsStoredAsSent() {
        Map<String, Object> condition = Map.of("any", List.of(VIP,
                Map.of("field", "contact.tags", "op", "in", "values", List.of("gold", "台北")),
                Map.of("not", Map.of("field", "contact.tags", "op", "exists"))));

        Reply created = api().post(FlowApi.flows(bot), owner.accessToken(), Map.of("name", "vip menu",
                "trigger", Map.of("type", "keyword", "keywords", List.of("menu")),
                "steps", List.of(Map.of("type", "text", "text", "VIP menu")), "condition", condition));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.at("condition")).isEqualTo(condition);
        assertThat(api().delete(FlowApi.flows(bot) + "/" + created.string("id"), owner.accessToken()).status())
                .isEqualTo(204);
    }

    @Test
    void aWrongOpOrAValueThatIsNoTagIsRefusedNamingTheField() {
        Map<String, Object> condition = Map.of("all", List.of(
                Map.of("field", "contact.tags", "op", "equals", "value", "vip"),
                Map.of("field", "contact.tags", "op", "contains", "value", 7),
                Map.of("field", "contact.tags", "op", "in", "values", List.of("ok", "a;b"))));

        Reply reply = api().post(FlowApi.flows(bot), owner.accessToken(), Map.of("name", "bad",
                "trigger", Map.of("type", "keyword", "keywords", List.of("menu")),
                "steps", List.of(Map.of("type", "text", "text", "x")), "condition", condition));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) reply.at("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder("condition.all[0].op",
                "condition.all[1].value", "condition.all[2].values[1]");
    }

    @Test
    void theDryRunTestsTheSampleContactsTags() {
        String id = new FlowApi(api()).create(owner.accessToken(), bot, Map.of("name", "vip hello",
                "trigger", Map.of("type", "keyword", "keywords", List.of("hi")),
                "steps", List.of(Map.of("type", "branch", "condition", VIP,
                        "steps", List.of(Map.of("type", "text", "text", "Welcome, VIP")),
                        "elseSteps", List.of(Map.of("type", "text", "text", "Hello"))))));
        String dryRun = FlowApi.flows(bot) + "/dry-run";

        Reply tagged = api().post(dryRun, owner.accessToken(), Map.of("text", "hi",
                "contact", Map.of("tags", List.of("new", "vip"))));
        Reply untagged = api().post(dryRun, owner.accessToken(), Map.of("text", "hi"));
        Reply badTag = api().post(dryRun, owner.accessToken(), Map.of("text", "hi",
                "contact", Map.of("tags", List.of("a;b"))));

        assertThat(tagged.string("steps.0.text")).as(tagged.text()).isEqualTo("Welcome, VIP");
        assertThat(untagged.string("steps.0.text")).isEqualTo("Hello");
        assertThat(badTag.status()).isEqualTo(400);
        assertThat(badTag.string("errors.0.field")).isEqualTo("contact.tags");
        assertThat(api().delete(FlowApi.flows(bot) + "/" + id, owner.accessToken()).status()).isEqualTo(204);
    }
}
