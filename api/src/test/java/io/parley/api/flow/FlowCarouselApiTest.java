package io.parley.api.flow;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Carousel steps through /api/v1/bots/{botId}/flows: stored as sent, rendered in the dry run, limits refused. */
@MicronautTest(transactional = false)
class FlowCarouselApiTest extends ApiTest {

    private Session owner;
    private String bot;
    private String staff;

    @BeforeAll
    void aBotWithAStaffFlow() {
        owner = api().signup("Carousel Co");
        bot = new FlowApi(api()).bot(owner, Map.of());
        staff = new FlowApi(api()).create(owner.accessToken(), bot, Map.of("name", "staff",
                "trigger", Map.of("type", "keyword", "keywords", List.of("staff")),
                "steps", List.of(Map.of("type", "text", "text", "A colleague will answer."))));
    }

    @Test
    void aCarouselIsStoredAsSentAndItsCardsRenderPlaceholdersInTheDryRun() {
        Map<String, Object> carousel = Map.of("type", "carousel", "cards", List.of(
                Map.of("title", "Cake for {{contact.displayName}}", "text", "Baked this morning.",
                        "imageUrl", "https://cdn.example.com/cake.jpg",
                        "buttons", List.of(Map.of("label", "Order", "postback", "order=cake"),
                                Map.of("label", "Talk to staff", "flowId", staff))),
                Map.of("title", "Latte", "text", "Roasted tea.")));
        String id = new FlowApi(api()).create(owner.accessToken(), bot, Map.of("name", "menu",
                "trigger", Map.of("type", "keyword", "keywords", List.of("menu")), "steps", List.of(carousel)));

        Reply read = api().get(FlowApi.flows(bot) + "/" + id, owner.accessToken());
        Reply dryRun = api().post(FlowApi.flows(bot) + "/dry-run", owner.accessToken(),
                Map.of("text", "menu", "contact", Map.of("displayName", "美玲")));

        assertThat(read.at("steps")).isEqualTo(List.of(carousel));
        assertThat(dryRun.string("steps.0.cards.0.title")).isEqualTo("Cake for 美玲");
        assertThat(dryRun.string("steps.0.cards.0.buttons.1.flowId")).isEqualTo(staff);
        assertThat(api().delete(FlowApi.flows(bot) + "/" + id, owner.accessToken()).status()).isEqualTo(204);
    }

    @Test
    void invalidCarouselsNameEachFieldInTheClientsLanguage() {
        List<Map<String, Object>> elevenCards = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            elevenCards.add(Map.of("title", "Card " + i, "text", "x"));
        }
        Reply reply = api().send("POST", FlowApi.flows(bot), owner.accessToken(), Map.of("name", "bad",
                "trigger", Map.of("type", "follow"), "steps", List.of(
                        Map.of("type", "carousel", "cards", elevenCards),
                        Map.of("type", "carousel", "cards", List.of(Map.of("title", "Only", "text", "one"))),
                        Map.of("type", "carousel", "cards", List.of(
                                Map.of("title", " ", "text", "x", "imageUrl", "http://insecure.example/a.jpg"),
                                Map.of("title", "T", "text", "x", "buttons", List.of(b("1"), b("2"), b("3"), b("4"))),
                                Map.of("title", "T", "text", "x", "buttons", List.of(Map.of("label", "Theirs",
                                        "flowId", "not-a-flow"))))),
                        Map.of("type", "carousel", "title", "A carousel has no title of its own", "cards",
                                List.of(Map.of("title", "A", "text", "x"), Map.of("title", "B", "text", "y"))))),
                Map.of("Accept-Language", "zh-Hant"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) reply.at("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder("steps[0].cards",
                "steps[1].cards", "steps[2].cards[0].title", "steps[2].cards[0].imageUrl",
                "steps[2].cards[1].buttons", "steps[2].cards[2].buttons[0].flowId", "steps[3].title");
        assertThat(errors).extracting(e -> e.get("message")).contains("需要 2 到 10 張卡片", "必須是 1 到 80 個字元",
                "必須是最多 2000 個字元的 https 網址", "需要 1 到 3 個按鈕");
    }

    @Test
    void aCarouselCardWithAnUnknownFieldIsRefusedNotDropped() {
        Reply reply = api().post(FlowApi.flows(bot), owner.accessToken(), Map.of("name", "unknown",
                "trigger", Map.of("type", "follow"), "steps", List.of(Map.of("type", "carousel", "cards", List.of(
                        Map.of("title", "A", "text", "x", "link", Map.of("label", "L", "url", "https://e.example")),
                        Map.of("title", "B", "text", "y"))))));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.text()).contains("link");
    }

    private static Map<String, Object> b(String label) {
        return Map.of("label", label, "postback", label);
    }
}
