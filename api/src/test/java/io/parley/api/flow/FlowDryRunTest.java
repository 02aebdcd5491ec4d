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

/** One bot with a realistic set of flows; each test sends one message and reads what would happen. */
@MicronautTest(transactional = false)
class FlowDryRunTest extends ApiTest {

    private Session owner;
    private String bot;
    private String hours;
    private String order;
    private String staff;
    private String welcome;
    private String fallback;
    private String vip;

    @BeforeAll
    void aConfiguredBot() {
        owner = api().signup("Dry Run Cafe");
        FlowApi flows = new FlowApi(api());
        bot = flows.bot(owner, Map.of("welcomeMessage", "Welcome, {{contact.displayName}}!"));
        hours = flows.create(owner, bot, "Hours", 0,
                Map.of("type", "keyword", "keywords", List.of("hours", "營業時間"), "match", "contains"),
                List.of(text("{{bot.name}} is open 10-18, {{contact.displayName}} ({{contact.tier}}).")));
        order = flows.create(owner, bot, "Order status", 0, Map.of("type", "regex", "pattern", "order\\s*#?\\d{4,}"),
                List.of(text("Let me check."), Map.of("type", "ask_llm",
                        "instruction", "Look up the order for {{contact.attributes.customerId}}.")));
        staff = flows.create(owner, bot, "Staff", 0, Map.of("type", "postback", "data", "menu=staff"),
                List.of(Map.of("type", "set_attribute", "key", "wantsHuman", "value", "yes"),
                        Map.of("type", "handoff", "message", "A colleague will answer (flag {{contact.attributes.wantsHuman}}).")));
        welcome = flows.create(owner, bot, "Welcome", 0, Map.of("type", "follow"),
                List.of(Map.of("type", "buttons", "text", "Hi {{contact.displayName}}! Set up: {{setupUrl}}",
                        "buttons", List.of(Map.of("label", "Staff", "postback", "menu=staff")))));
        fallback = flows.create(owner, bot, "Fallback", 0, Map.of("type", "fallback"), List.of(text("Sorry?")));
        vip = flows.create(owner, bot, "VIP hours", 5,
                Map.of("type", "keyword", "keywords", List.of("vip hours"), "match", "contains"),
                List.of(text("VIP lounge: always open.")));
        flows.create(owner.accessToken(), bot, Map.of("name", "Disabled", "enabled", false, "priority", 100,
                "trigger", Map.of("type", "keyword", "keywords", List.of("hours"), "match", "contains"),
                "steps", List.of(text("never"))));
    }

    @Test
    void keywordFlowRendersPlaceholdersForTheSampleContact() {
        Reply reply = dryRun(Map.of("text", "ＨＯＵＲＳ please", "contact", Map.of("displayName", "美玲", "tier", "premium")));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.at("matched")).isEqualTo(Map.of("id", hours, "name", "Hours", "triggerType", "keyword"));
        assertThat(reply.at("steps")).isEqualTo(List.of(Map.of("type", "text", "text", "Lumi is open 10-18, 美玲 (premium).")));
        assertThat(reply.string("then")).isEqualTo("reply");
        assertThat(reply.at("warnings")).isEqualTo(List.of());
    }

    @Test
    void chineseKeywordMatchesInsideASentence() {
        assertThat(dryRun(Map.of("text", "請問營業時間？")).string("matched.id")).isEqualTo(hours);
    }

    @Test
    void regexFlowEndsWithTheLlmAndItsInstruction() {
        Reply reply = dryRun(Map.of("text", "Where is ORDER #12345?",
                "contact", Map.of("attributes", Map.of("customerId", "C-42"))));

        assertThat(reply.string("matched.id")).isEqualTo(order);
        assertThat(reply.at("steps")).isEqualTo(List.of(text("Let me check."),
                Map.of("type", "ask_llm", "instruction", "Look up the order for C-42.")));
        assertThat(reply.string("then")).isEqualTo("llm");
    }

    @Test
    void postbackFlowSetsAttributesAndHandsOff() {
        Reply reply = dryRun(Map.of("postback", "menu=staff"));

        assertThat(reply.string("matched.id")).isEqualTo(staff);
        assertThat(reply.string("matched.triggerType")).isEqualTo("postback");
        assertThat(reply.at("steps.1")).isEqualTo(Map.of("type", "handoff", "message", "A colleague will answer (flag yes)."));
        assertThat(reply.at("attributeChanges")).isEqualTo(Map.of("wantsHuman", "yes"));
        assertThat(reply.string("then")).isEqualTo("handoff");
    }

    @Test
    void followEventRunsTheFollowFlowWithASampleSetupLink() {
        Reply reply = dryRun(Map.of("event", "follow", "contact", Map.of("displayName", "Ken")));

        assertThat(reply.string("matched.id")).isEqualTo(welcome);
        assertThat(reply.string("steps.0.text")).startsWith("Hi Ken! Set up: http").contains("/setup/");
        assertThat(reply.at("steps.0.buttons")).isEqualTo(List.of(Map.of("label", "Staff", "postback", "menu=staff")));
        assertThat(reply.string("steps.0.style")).isEqualTo("buttons");
    }

    @Test
    void fallbackAnswersWhatNothingElseMatches() {
        Reply text = dryRun(Map.of("text", "tell me a joke"));
        Reply oldButton = dryRun(Map.of("postback", "menu=gone"));

        assertThat(text.string("matched.id")).isEqualTo(fallback);
        assertThat(text.string("then")).isEqualTo("reply");
        assertThat(oldButton.string("matched.id")).isEqualTo(fallback);
    }

    @Test
    void higherPriorityWinsAndDisabledFlowsAreIgnored() {
        Reply reply = dryRun(Map.of("text", "what are the VIP hours"));

        assertThat(reply.string("matched.id")).as("VIP (5) beats Hours (0); the disabled 100 is ignored").isEqualTo(vip);
    }

    @Test
    void withoutFlowsTheLlmAnswersAndFollowersGetTheWelcomeMessage() {
        Session other = api().signup("Plain Bot Co");
        String plain = new FlowApi(api()).bot(other, Map.of("welcomeMessage", "Welcome, {{contact.displayName}}!"));

        Reply message = api().post(FlowApi.flows(plain) + "/dry-run", other.accessToken(), Map.of("text", "hi"));
        Reply follow = api().post(FlowApi.flows(plain) + "/dry-run", other.accessToken(),
                Map.of("event", "follow", "contact", Map.of("displayName", "Ana")));

        assertThat(message.status()).as(message.text()).isEqualTo(200);
        assertThat(message.body()).containsEntry("matched", null).containsEntry("then", "llm")
                .containsEntry("steps", List.of());
        assertThat(follow.at("matched")).isNull();
        assertThat(follow.at("steps")).isEqualTo(List.of(text("Welcome, Ana!")));
        assertThat(follow.string("then")).isEqualTo("reply");
    }

    @Test
    void aPathologicalRegexIsSkippedWithAWarning() {
        Session other = api().signup("ReDoS Co");
        FlowApi flows = new FlowApi(api());
        String redos = flows.bot(other, Map.of());
        String slow = flows.create(other, redos, "Slow", 9, Map.of("type", "regex", "pattern", "(a+)+\\1$"),
                List.of(text("slow")));
        String plain = flows.create(other, redos, "Plain", 0,
                Map.of("type", "keyword", "keywords", List.of("aaa"), "match", "contains"), List.of(text("plain")));

        Reply reply = api().post(FlowApi.flows(redos) + "/dry-run", other.accessToken(),
                Map.of("text", "a".repeat(36) + "!"));

        assertThat(reply.string("matched.id")).isEqualTo(plain);
        assertThat(reply.string("warnings.0")).contains("Slow").contains(slow).contains("skipped");
    }

    @Test
    void exactlyOneOfTextPostbackOrEventIsNeeded() {
        Reply none = dryRun(Map.of());
        Reply two = dryRun(Map.of("text", "hi", "postback", "x"));
        Reply badEvent = dryRun(Map.of("event", "unfollow"));

        assertThat(none.status()).isEqualTo(400);
        assertThat(two.status()).isEqualTo(400);
        assertThat(badEvent.status()).isEqualTo(400);
        assertThat(badEvent.string("errors.0.field")).isEqualTo("event");
    }

    private Reply dryRun(Map<String, Object> body) {
        return api().post(FlowApi.flows(bot) + "/dry-run", owner.accessToken(), body);
    }

    private static Map<String, Object> text(String text) {
        return Map.of("type", "text", "text", text);
    }
}
