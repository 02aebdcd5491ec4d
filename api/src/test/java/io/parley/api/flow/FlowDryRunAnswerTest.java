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

/**
 * The dry-run of a conversation that waits for an answer: a gate asks for the party size until it is set, then
 * branches on it; a booking question keeps the date in a conversation variable.
 */
@MicronautTest(transactional = false)
class FlowDryRunAnswerTest extends ApiTest {

    private Session owner;
    private String bot;
    private String gate;
    private String booking;

    @BeforeAll
    void aBotWithAGateThatAsks() {
        owner = api().signup("Answer Dry Run Co");
        FlowApi flows = new FlowApi(api());
        bot = flows.bot(owner, Map.of());
        gate = flows.create(owner.accessToken(), bot, Map.of("name", "Size first",
                "trigger", Map.of("type", "gate", "until",
                        Map.of("field", "contact.attributes.partySize", "op", "exists")),
                "steps", List.of(
                        Map.of("type", "ask", "text", "How many people, {{contact.displayName}}?", "input", "number",
                                "saveTo", "contact.attributes.partySize", "retryText", "A number, please.",
                                "maxAttempts", 3, "failText", "Let's try later."),
                        Map.of("type", "branch", "condition",
                                Map.of("field", "contact.attributes.partySize", "op", "gte", "value", 6),
                                "steps", List.of(Map.of("type", "text", "text", "Big groups book by phone.")),
                                "elseSteps", List.of(Map.of("type", "text",
                                        "text", "A table for {{contact.attributes.partySize}}."))))));
        booking = flows.create(owner.accessToken(), bot, Map.of("name", "Date",
                "trigger", Map.of("type", "keyword", "keywords", List.of("date")),
                "steps", List.of(Map.of("type", "ask", "text", "Which day?", "input", "date",
                                "saveTo", "conversation.variables.date"),
                        Map.of("type", "branch", "condition",
                                Map.of("field", "conversation.variables.date", "op", "after", "value", "2026-12-24"),
                                "steps", List.of(Map.of("type", "text", "text", "After Christmas.")),
                                "elseSteps", List.of(Map.of("type", "text", "text", "Before Christmas."))))));
    }

    @Test
    void aClosedGateAsksItsQuestionWhenNothingWaits() {
        Reply reply = dryRun(Map.of("text", "hi", "contact", Map.of("displayName", "Ada")));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.string("matched.triggerType")).isEqualTo("gate");
        assertThat(reply.string("steps.0.text")).isEqualTo("How many people, Ada?");
        assertThat(reply.string("waitsForAnswer")).isEqualTo("contact.attributes.partySize");
        assertThat(reply.at("answer")).isNull();
    }

    @Test
    void anInvalidAnswerIsAskedAgainAndCounted() {
        Reply reply = dryRun(Map.of("text", "four", "waiting", Map.of("flowId", gate, "step", 0)));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.at("answer")).isEqualTo(Map.of("outcome", "reask", "attempts", 1));
        assertThat(reply.at("steps")).isEqualTo(List.of(Map.of("type", "text", "text", "A number, please.")));
        assertThat(reply.string("waitsForAnswer")).isEqualTo("contact.attributes.partySize");
        assertThat(reply.string("matched.id")).isEqualTo(gate);
    }

    @Test
    void theLastInvalidAnswerSendsTheFailTextAndEndsTheFlow() {
        Reply reply = dryRun(Map.of("text", "many", "waiting", Map.of("flowId", gate, "step", 0, "attempts", 2)));

        assertThat(reply.at("answer")).isEqualTo(Map.of("outcome", "failed", "attempts", 3));
        assertThat(reply.at("steps")).isEqualTo(List.of(Map.of("type", "text", "text", "Let's try later.")));
        assertThat(reply.at("waitsForAnswer")).isNull();
    }

    @Test
    void aValidAnswerIsStoredNormalizedAndTheBranchAfterItSeesIt() {
        Reply big = dryRun(Map.of("text", "１,200", "waiting", Map.of("flowId", gate, "step", 0, "attempts", 1)));
        Reply small = dryRun(Map.of("text", "4", "waiting", Map.of("flowId", gate, "step", 0)));

        assertThat(big.at("answer")).isEqualTo(Map.of("outcome", "captured", "value", "1200",
                "savedTo", "contact.attributes.partySize", "attempts", 0));
        assertThat(big.at("attributeChanges")).isEqualTo(Map.of("partySize", "1200"));
        assertThat(big.at("branches")).isEqualTo(List.of("steps[1]: then"));
        assertThat(big.at("steps")).isEqualTo(List.of(Map.of("type", "text", "text", "Big groups book by phone.")));
        assertThat(small.at("steps")).isEqualTo(List.of(Map.of("type", "text", "text", "A table for 4.")));
        assertThat(small.at("waitsForAnswer")).isNull();
    }

    @Test
    void anAnswerKeptInAConversationVariableIsReportedAsSuch() {
        Reply reply = dryRun(Map.of("text", "2026/12/31", "waiting", Map.of("flowId", booking, "step", 0),
                "contact", Map.of("attributes", Map.of("partySize", 2))));

        assertThat(reply.at("variableChanges")).isEqualTo(Map.of("date", "2026-12-31"));
        assertThat(reply.at("attributeChanges")).isEqualTo(Map.of());
        assertThat(reply.at("steps")).isEqualTo(List.of(Map.of("type", "text", "text", "After Christmas.")));
    }

    @Test
    void theSampleConversationsVariablesReachConditions() {
        Reply before = dryRun(Map.of("text", "date", "variables", Map.of("date", "2026-12-01"),
                "contact", Map.of("attributes", Map.of("partySize", 2))));

        assertThat(before.string("matched.id")).isEqualTo(booking);
        assertThat(before.string("steps.0.text")).isEqualTo("Which day?");
    }

    @Test
    void aCancelWordLeavesTheQuestionAndTheMessageIsAnOrdinaryOne() {
        Reply reply = dryRun(Map.of("text", "ＣＡＮＣＥＬ", "waiting", Map.of("flowId", gate, "step", 0),
                "contact", Map.of("attributes", Map.of("partySize", 2))));

        assertThat(reply.at("answer")).isEqualTo(Map.of("outcome", "cancelled", "attempts", 0));
        assertThat(reply.at("matched")).isNull();
        assertThat(reply.string("then")).isEqualTo("llm");
    }

    @Test
    void aWaitingQuestionMustBeAnAskStepOfAFlowOfThisBot() {
        Session stranger = api().signup("Other Answer Co");
        String strangerBot = new FlowApi(api()).bot(stranger, Map.of());
        String foreign = new FlowApi(api()).create(stranger.accessToken(), strangerBot, Map.of("name", "theirs",
                "trigger", Map.of("type", "follow"), "steps", List.of(Map.of("type", "ask", "text", "Name?",
                        "input", "text", "saveTo", "contact.attributes.name"))));

        Reply otherTenant = dryRun(Map.of("text", "4", "waiting", Map.of("flowId", foreign, "step", 0)));
        Reply notAnAsk = dryRun(Map.of("text", "4", "waiting", Map.of("flowId", gate, "step", 1)));
        Reply unknownMember = dryRun(Map.of("text", "4", "waiting", Map.of("flowId", gate, "step", 0, "attempt", 1)));

        assertThat(otherTenant.status()).as(otherTenant.text()).isEqualTo(400);
        assertThat(otherTenant.string("errors.0.field")).isEqualTo("waiting.flowId");
        assertThat(notAnAsk.status()).isEqualTo(400);
        assertThat(notAnAsk.string("errors.0.field")).isEqualTo("waiting.step");
        assertThat(unknownMember.status()).isEqualTo(400);
    }

    private Reply dryRun(Map<String, Object> body) {
        return api().post(FlowApi.flows(bot) + "/dry-run", owner.accessToken(), body);
    }
}
