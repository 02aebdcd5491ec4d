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

/** Card, list and link_button steps, and buttons that name a flow, through /api/v1/bots/{botId}/flows. */
@MicronautTest(transactional = false)
class FlowRichApiTest extends ApiTest {

    private Session owner;
    private String bot;
    private String staff;

    @BeforeAll
    void aBotWithAStaffFlow() {
        owner = api().signup("Rich Co");
        bot = new FlowApi(api()).bot(owner, Map.of());
        staff = new FlowApi(api()).create(owner.accessToken(), bot, Map.of("name", "staff",
                "trigger", Map.of("type", "keyword", "keywords", List.of("staff")),
                "steps", List.of(Map.of("type", "handoff", "message", "A colleague will answer."))));
    }

    @Test
    void cardsListsAndLinkButtonsAreStoredAsSentAndRenderInTheDryRun() {
        Map<String, Object> card = Map.of("type", "card", "title", "Hi {{contact.displayName}}",
                "text", "Chestnut cake and hojicha latte.", "imageUrl", "https://cdn.example.com/autumn.jpg",
                "buttons", List.of(Map.of("label", "Order", "postback", "order=autumn"),
                        Map.of("label", "Talk to staff", "flowId", staff)),
                "link", Map.of("label", "Details", "url", "https://example.com/autumn"));
        Map<String, Object> list = Map.of("type", "list", "text", "Which service?", "button", "Services",
                "options", List.of(Map.of("label", "Haircut", "description", "30 minutes", "postback", "cut"),
                        Map.of("label", "Staff", "flowId", staff)));
        Map<String, Object> link = Map.of("type", "link_button", "text", "Book online.", "label", "Book now",
                "url", "http://example.com/book");
        String id = new FlowApi(api()).create(owner.accessToken(), bot, Map.of("name", "menu",
                "trigger", Map.of("type", "keyword", "keywords", List.of("menu")), "steps", List.of(card, list, link)));

        Reply read = api().get(FlowApi.flows(bot) + "/" + id, owner.accessToken());
        Reply dryRun = api().post(FlowApi.flows(bot) + "/dry-run", owner.accessToken(),
                Map.of("text", "menu", "contact", Map.of("displayName", "美玲")));

        assertThat(read.at("steps")).isEqualTo(List.of(card, list, link));
        assertThat(dryRun.string("steps.0.title")).isEqualTo("Hi 美玲");
        assertThat(dryRun.string("steps.0.buttons.1.flowId")).isEqualTo(staff);
        assertThat(api().delete(FlowApi.flows(bot) + "/" + id, owner.accessToken()).status()).isEqualTo(204);
    }

    @Test
    void aButtonMayNameOnlyAFlowOfTheSameBot() {
        Session stranger = api().signup("Other Rich Co");
        String strangerBot = new FlowApi(api()).bot(stranger, Map.of());

        Reply foreign = api().post(FlowApi.flows(strangerBot), stranger.accessToken(), Map.of("name", "steal",
                "trigger", Map.of("type", "follow"), "steps", List.of(Map.of("type", "buttons", "text", "Pick",
                        "buttons", List.of(Map.of("label", "Theirs", "flowId", staff))))));

        assertThat(foreign.status()).as(foreign.text()).isEqualTo(400);
        assertThat(foreign.string("errors.0.field")).isEqualTo("steps[0].buttons[0].flowId");
    }

    @Test
    void invalidRichStepsNameEachFieldWithTheChannelLimits() {
        List<Map<String, Object>> elevenOptions = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) {
            elevenOptions.add(Map.of("label", "Option " + i, "postback", "o" + i));
        }
        Map<String, Object> fourButtons = new LinkedHashMap<>(Map.of("type", "card", "title", "T", "text", "x",
                "buttons", List.of(b("1"), b("2"), b("3"), b("4"))));
        Reply reply = api().post(FlowApi.flows(bot), owner.accessToken(), Map.of("name", "bad",
                "trigger", Map.of("type", "follow"), "steps", List.of(
                        fourButtons,
                        Map.of("type", "list", "text", "Pick", "options", elevenOptions),
                        Map.of("type", "list", "text", "Pick", "button", "A label longer than twenty",
                                "options", List.of(Map.of("label", "A label of twenty-five ch", "postback", "p",
                                        "flowId", staff))),
                        Map.of("type", "link_button", "text", "Go", "label", "Open", "url", "javascript:alert(1)"),
                        Map.of("type", "card", "title", "T", "text", "x", "imageUrl", "http://insecure.example/a.jpg",
                                "style", "buttons"),
                        Map.of("type", "ask", "text", "Pick", "input", "choice", "saveTo", "contact.attributes.p",
                                "buttons", List.of(Map.of("label", "A", "flowId", staff))))));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) reply.at("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder("steps[0].buttons",
                "steps[1].options", "steps[2].button", "steps[2].options[0].label", "steps[2].options[0]",
                "steps[3].url", "steps[4].style", "steps[5].buttons[0].flowId");
    }

    private static Map<String, Object> b(String label) {
        return Map.of("label", label, "postback", label);
    }
}
