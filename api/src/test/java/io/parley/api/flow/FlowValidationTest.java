package io.parley.api.flow;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class FlowValidationTest extends ApiTest {

    private static final List<Map<String, Object>> ONE_TEXT = List.of(Map.of("type", "text", "text", "Hi"));

    private Session owner;
    private String bot;

    @BeforeAll
    void aBot() {
        owner = api().signup("Validation Co");
        bot = new FlowApi(api()).bot(owner, Map.of());
    }

    @Test
    void regexThatDoesNotCompileNamesThePattern() {
        Reply reply = post(Map.of("type", "regex", "pattern", "order (\\d+"), ONE_TEXT);

        assertInvalid(reply, "trigger.pattern");
        assertThat(reply.string("errors.0.message")).contains("not a valid regular expression").contains("index");
    }

    @Test
    void tooManyButtonsNamesTheStep() {
        List<Map<String, Object>> buttons = IntStream.range(0, 14)
                .mapToObj(i -> Map.<String, Object>of("label", "B" + i, "postback", "b=" + i)).toList();

        Reply reply = post(Map.of("type", "follow"), List.of(Map.of("type", "text", "text", "Hi"),
                Map.of("type", "buttons", "text", "Pick one", "buttons", buttons)));

        assertInvalid(reply, "steps[1].buttons");
        assertThat(reply.string("errors.0.message")).contains("1 to 13");
    }

    @Test
    void thirteenButtonsAreAcceptedThoughWhatsAppShowsThreeAsButtons() {
        List<Map<String, Object>> buttons = IntStream.range(0, 13)
                .mapToObj(i -> Map.<String, Object>of("label", "Option " + i, "postback", "o=" + i)).toList();

        Reply reply = post(Map.of("type", "follow"), List.of(Map.of("type", "buttons", "text", "Pick", "buttons", buttons)));

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
    }

    @Test
    void unknownPlaceholderIsRefusedWithTheKnownOnesListed() {
        Reply reply = post(Map.of("type", "follow"),
                List.of(Map.of("type", "text", "text", "Hi {{contact.name}}, see {{setupUrl}}")));

        assertInvalid(reply, "steps[0].text");
        assertThat(reply.string("errors.0.message")).contains("{{contact.name}}").contains("{{contact.displayName}}");
    }

    @Test
    void imagesMustBeHttps() {
        Reply reply = post(Map.of("type", "follow"), List.of(Map.of("type", "image", "url", "http://cdn.example/a.png"),
                Map.of("type", "image", "url", "https://cdn.example/a.png", "previewUrl", "ftp://x/y.png")));

        assertInvalid(reply, "steps[0].url", "steps[1].previewUrl");
    }

    @Test
    void everyInvalidFieldIsListedAtOnce() {
        Reply reply = api().post(FlowApi.flows(bot), owner.accessToken(), Map.of("name", " ",
                "trigger", Map.of("type", "keyword", "keywords", List.of("ok", " ", "x".repeat(101)), "match", "fuzzy"),
                "steps", List.of(
                        Map.of("type", "buttons", "text", "Pick", "style", "carousel",
                                "buttons", List.of(Map.of("label", "A label far longer than twenty", "postback", ""))),
                        Map.of("type", "set_attribute", "key", "bad key!", "value", "v"),
                        Map.of("type", "text", "text", "x".repeat(4097)),
                        Map.of("type", "handoff", "message", "Bye"),
                        Map.of("type", "ask_llm", "instruction", "Be kind"),
                        Map.of("type", "video", "url", "https://v"))));

        assertInvalid(reply, "name", "trigger.keywords[1]", "trigger.keywords[2]", "trigger.match",
                "steps[0].style", "steps[0].buttons[0].label", "steps[0].buttons[0].postback", "steps[1].key",
                "steps[2].text", "steps[3].type", "steps[4].type", "steps[5].type");
    }

    @Test
    void fieldsTheTypeDoesNotUseAreRefusedRatherThanDropped() {
        Reply reply = post(Map.of("type", "regex", "pattern", "hi", "keywords", List.of("hi")),
                List.of(Map.of("type", "text", "text", "Hi", "url", "https://x.example/a.png")));

        assertInvalid(reply, "trigger.keywords", "steps[0].url");
    }

    @Test
    void createNeedsNameTriggerAndOneToTwentySteps() {
        Reply missing = api().post(FlowApi.flows(bot), owner.accessToken(), Map.of());
        Reply tooMany = post(Map.of("type", "follow"), Collections.nCopies(21, Map.of("type", "text", "text", "x")));

        assertInvalid(missing, "name", "trigger", "steps");
        assertInvalid(tooMany, "steps");
    }

    @Test
    void patchValidatesWhatItChanges() {
        String id = new FlowApi(api()).create(owner, bot, "hi", 0, Map.of("type", "follow"), ONE_TEXT);

        Reply reply = api().patch(FlowApi.flows(bot) + "/" + id, owner.accessToken(),
                Map.of("trigger", Map.of("type", "postback", "data", "x".repeat(301)), "priority", 5000));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.string("errors.0.field")).isIn("priority", "trigger.data");
        assertThat(api().get(FlowApi.flows(bot) + "/" + id, owner.accessToken()).at("trigger"))
                .isEqualTo(Map.of("type", "follow"));
    }

    private Reply post(Map<String, Object> trigger, List<Map<String, Object>> steps) {
        return api().post(FlowApi.flows(bot), owner.accessToken(), Map.of("name", "flow", "trigger", trigger,
                "steps", steps));
    }

    private static void assertInvalid(Reply reply, String... fields) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.string("type")).isEqualTo("https://parley.dev/problems/validation-failed");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) reply.at("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder((Object[]) fields);
    }
}
