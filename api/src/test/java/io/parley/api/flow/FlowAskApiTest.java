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

/** Ask and goto steps through /api/v1/bots/{botId}/flows and its dry-run. */
@MicronautTest(transactional = false)
class FlowAskApiTest extends ApiTest {

    private static final Map<String, Object> ASK_SIZE = Map.of("type", "ask", "text", "How many people?",
            "input", "number", "saveTo", "contact.attributes.partySize", "retryText", "A number, please.",
            "maxAttempts", 2, "failText", "Later then.");

    private Session owner;
    private String bot;

    @BeforeAll
    void aBot() {
        owner = api().signup("Ask Co");
        bot = new FlowApi(api()).bot(owner, Map.of());
    }

    @Test
    void anAskStepIsStoredAndTheDryRunSaysWhereTheAnswerWouldGo() {
        String id = new FlowApi(api()).create(owner.accessToken(), bot, Map.of("name", "book",
                "trigger", Map.of("type", "keyword", "keywords", List.of("book")),
                "steps", List.of(Map.of("type", "text", "text", "Let's book."), ASK_SIZE)));

        Reply read = api().get(FlowApi.flows(bot) + "/" + id, owner.accessToken());
        Reply dryRun = api().post(FlowApi.flows(bot) + "/dry-run", owner.accessToken(), Map.of("text", "book"));

        assertThat(read.at("steps.1")).isEqualTo(ASK_SIZE);
        assertThat(dryRun.string("steps.1.text")).isEqualTo("How many people?");
        assertThat(dryRun.string("waitsForAnswer")).isEqualTo("contact.attributes.partySize");
        delete(id);
    }

    @Test
    void goToFollowsAnotherFlowOfTheSameBotOnly() {
        String book = new FlowApi(api()).create(owner.accessToken(), bot, Map.of("name", "book",
                "trigger", Map.of("type", "postback", "data", "book"), "steps", List.of(ASK_SIZE)));
        String menu = new FlowApi(api()).create(owner.accessToken(), bot, Map.of("name", "menu",
                "trigger", Map.of("type", "keyword", "keywords", List.of("table")),
                "steps", List.of(Map.of("type", "goto", "flowId", book))));
        Session stranger = api().signup("Other Ask Co");
        String strangerBot = new FlowApi(api()).bot(stranger, Map.of());

        Reply dryRun = api().post(FlowApi.flows(bot) + "/dry-run", owner.accessToken(), Map.of("text", "table"));
        Reply foreign = api().post(FlowApi.flows(strangerBot), stranger.accessToken(), Map.of("name", "steal",
                "trigger", Map.of("type", "follow"), "steps", List.of(Map.of("type", "goto", "flowId", book))));

        assertThat(dryRun.at("branches")).isEqualTo(List.of("steps[0]: goto book"));
        assertThat(dryRun.string("steps.0.text")).isEqualTo("How many people?");
        assertThat(foreign.status()).as(foreign.text()).isEqualTo(400);
        assertThat(foreign.string("errors.0.field")).isEqualTo("steps[0].flowId");
        delete(menu);
        delete(book);
    }

    @Test
    void invalidAskStepsNameEachField() {
        Reply reply = api().post(FlowApi.flows(bot), owner.accessToken(), Map.of("name", "bad",
                "trigger", Map.of("type", "follow"), "steps", List.of(
                        Map.of("type", "ask", "text", "Pick", "input", "choice", "saveTo", "contact.name"),
                        Map.of("type", "ask", "text", "Code?", "input", "regex", "pattern", "([A-Z",
                                "saveTo", "conversation.variables.code", "maxAttempts", 0),
                        Map.of("type", "ask", "text", "Mail?", "input", "e-mail", "saveTo", "contact.attributes.m"),
                        Map.of("type", "branch", "condition", Map.of("field", "channel", "op", "equals",
                                "value", "web"), "steps", List.of(Map.of("type", "ask", "text", "Name?",
                                "input", "text", "saveTo", "contact.attributes.name"))),
                        Map.of("type", "goto", "flowId", "not-an-id"))));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) reply.at("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder("steps[0].saveTo",
                "steps[0].buttons", "steps[1].pattern", "steps[1].maxAttempts", "steps[2].input",
                "steps[3].steps[0].type", "steps[4].flowId");
    }

    private void delete(String id) {
        assertThat(api().delete(FlowApi.flows(bot) + "/" + id, owner.accessToken()).status()).isEqualTo(204);
    }
}
