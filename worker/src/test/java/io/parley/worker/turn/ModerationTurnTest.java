package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.analytics.AnalyticsRollup;
import io.parley.core.conversation.MessageRow;
import io.parley.core.moderation.ModerationSettings;
import io.parley.core.tenancy.TenantId;
import io.parley.worker.moderation.FakeModeration;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moderation in the turn: input before the LLM, output before sending, the per-category actions (crisis: the
 * crisis message, a hand-off and a critical notification; refuse; flag), and the failure behaviour when moderation
 * or the LLM is down — against a fake moderation service and a fake LLM speaking the real wire formats.
 */
@MicronautTest(transactional = false)
class ModerationTurnTest extends TurnTest {

    private static final String CRISIS = "You are not alone. Call the 1925 hotline (24 h); a person will reach out.";
    private static final String REFUSAL = "I can't talk about that, sorry.";

    @Inject
    AnalyticsRollup rollup;

    private final FakeLlm llm = new FakeLlm();
    private final FakeModeration moderation = new FakeModeration()
            .flag("hopeless", "self-harm/intent").flag("idiot", "harassment").flag("fight", "violence");

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("parley.moderation.base-url", moderation.baseUrl());
        properties.put("parley.moderation.api-key", "sk-platform-moderation");
        return properties;
    }

    @BeforeEach
    void serviceUp() {
        moderation.down(0);
        llm.reset();
        llm.always(FakeLlm.ok());
    }

    @AfterAll
    void stopTheFakes() {
        llm.close();
        moderation.close();
    }

    /** A bot moderated by the fake (as its custom service) with the given changes to the settings. */
    private World bot(Map<String, Object> changes) {
        return bot(llm, changes);
    }

    private World bot(FakeLlm answering, Map<String, Object> changes) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("input", true);
        settings.put("output", true);
        settings.put("service", "custom");
        settings.put("baseUrl", moderation.baseUrl());
        settings.put("actions", Map.of("self-harm", "crisis", "harassment", "refuse", "violence", "flag"));
        settings.put("crisisMessage", CRISIS);
        settings.put("refusalMessage", REFUSAL);
        settings.putAll(changes);
        BotSpec spec = BotSpec.llm(answering);
        spec.moderation = write(settings);
        return world(spec, "web");
    }

    private int llmCalls(Runnable turn) {
        int before = llm.calls().size();
        turn.run();
        return llm.calls().size() - before;
    }

    private Map<String, Object> flagOf(World world, UUID messageId) {
        MessageRow row = scope.read(world.tenant(), () -> messages.find(world.tenant().value(), messageId))
                .orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> flag = (Map<String, Object>) read(row.payload()).get("moderation");
        return flag;
    }

    private List<String> column(TenantId tenant, String query) {
        return scope.read(tenant, () -> {
            List<String> values = new ArrayList<>();
            try (PreparedStatement select = dataSource.getConnection().prepareStatement(query)) {
                select.setObject(1, tenant.value());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        values.add(rows.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return values;
        });
    }

    @Test
    void aCrisisMessageGetsTheCrisisTextAHandOffAndAnAlertAndNeverReachesTheLlm() {
        World world = bot(Map.of());
        UUID[] inbound = new UUID[1];

        int calls = llmCalls(() -> inbound[0] = say(world, "U1", "I feel hopeless tonight"));

        assertThat(calls).isZero();
        assertThat(replyTexts(world, inbound[0])).containsExactly(CRISIS);
        assertThat(flagOf(world, inbound[0])).containsEntry("direction", "input").containsEntry("action", "crisis")
                .containsEntry("categories", List.of("self-harm/intent"));
        assertThat(conversation(world, inbound[0]).botPaused()).isTrue();
        assertThat(column(world.tenant(), "SELECT kind FROM conversation_handoffs WHERE tenant_id = ?"))
                .containsExactly("moderation");
        assertThat(column(world.tenant(), "SELECT kind || ' ' || severity FROM notifications WHERE tenant_id = ?"))
                .containsExactly("conversation.crisis critical");
    }

    @Test
    void flaggedMessagesAreCountedPerCategoryInTheAnalyticsRollups() {
        World world = bot(Map.of());
        say(world, "U1", "I feel hopeless tonight");
        say(world, "U2", "my brothers had a fight");
        say(world, "U3", "you idiot, a fight!");

        rollup.refresh(world.tenant());

        assertThat(column(world.tenant(), "SELECT dimension || '=' || sum(value) FROM analytics_counts "
                + "WHERE tenant_id = ? AND metric = 'moderation_flagged' GROUP BY dimension ORDER BY dimension"))
                .containsExactly("harassment=1", "self-harm/intent=1", "violence=2");
    }

    @Test
    void aRefusedCategoryGetsThePoliteRefusalWithoutAHandOff() {
        World world = bot(Map.of());
        UUID[] inbound = new UUID[1];

        int calls = llmCalls(() -> inbound[0] = say(world, "U1", "you idiot"));

        assertThat(calls).isZero();
        assertThat(replyTexts(world, inbound[0])).containsExactly(REFUSAL);
        assertThat(flagOf(world, inbound[0])).containsEntry("action", "refuse");
        assertThat(conversation(world, inbound[0]).botPaused()).isFalse();
    }

    @Test
    void aFlagOnlyCategoryIsAnsweredAndTheMessageCarriesTheFlag() {
        World world = bot(Map.of());
        UUID[] inbound = new UUID[1];

        int calls = llmCalls(() -> inbound[0] = say(world, "U1", "my brothers had a fight"));

        assertThat(calls).isOne();
        assertThat(replyTexts(world, inbound[0])).containsExactly("Hello! How can I help you today?");
        assertThat(flagOf(world, inbound[0])).containsEntry("action", "flag")
                .containsEntry("categories", List.of("violence"));
    }

    @Test
    void theKeywordListFlagsWithoutAService() {
        World world = bot(Map.of("service", "none", "keywords",
                List.of(Map.of("pattern", "不想活", "regex", false, "category", "self-harm"),
                        Map.of("pattern", "end\\s+it\\s+all", "regex", true, "category", "self-harm"))));
        int before = moderation.calls().size();
        UUID[] turns = new UUID[2];

        int calls = llmCalls(() -> {
            turns[0] = say(world, "U1", "我真的不想活了");
            turns[1] = say(world, "U2", "I want to END   it all");
        });

        assertThat(moderation.calls()).hasSize(before);
        assertThat(replyTexts(world, turns[0])).containsExactly(CRISIS);
        assertThat(replyTexts(world, turns[1])).containsExactly(CRISIS);
        assertThat(calls).isZero();
    }

    @Test
    void aFlaggedAnswerIsReplacedBeforeSending() {
        World world = bot(Map.of("actions", Map.of("violence", "refuse")));
        llm.then(FakeLlm.ok("Let's plan the fight in detail."));

        UUID inbound = say(world, "U1", "What should I do this weekend?");

        List<MessageRow> replies = repliesTo(world, inbound);
        assertThat(replies).extracting(MessageRow::text).containsExactly(REFUSAL);
        assertThat(flagOf(world, replies.getFirst().id())).containsEntry("direction", "output")
                .containsEntry("action", "refuse");
        assertThat(usageOf(world)).singleElement().satisfies(u -> assertThat(u.outcome()).isEqualTo("ok"));
    }

    @Test
    void outputModerationOffSendsTheAnswerAsItIs() {
        World world = bot(Map.of("output", false, "actions", Map.of("violence", "refuse")));
        llm.then(FakeLlm.ok("Let's plan the fight in detail."));

        UUID inbound = say(world, "U1", "What should I do this weekend?");

        assertThat(replyTexts(world, inbound)).containsExactly("Let's plan the fight in detail.");
    }

    @Test
    void inputModerationOffLetsTheMessageThrough() {
        World world = bot(Map.of("input", false));
        int before = moderation.calls().size();

        UUID inbound = say(world, "U1", "I feel hopeless tonight");

        assertThat(replyTexts(world, inbound)).containsExactly("Hello! How can I help you today?");
        assertThat(moderation.calls()).hasSize(before + 1); // the answer only
    }

    @Test
    void moderationDownOnAFailClosedBotSendsTheCrisisMessageWithoutCallingTheLlm() {
        World world = bot(Map.of("onUnavailable", "fail_closed"));
        moderation.down(500);
        UUID[] inbound = new UUID[1];

        int calls = llmCalls(() -> inbound[0] = say(world, "U1", "Hello there"));

        assertThat(calls).isZero();
        assertThat(replyTexts(world, inbound[0])).containsExactly(CRISIS);
        assertThat(flagOf(world, inbound[0])).containsEntry("unchecked", true);
    }

    @Test
    void moderationDownOnAFailOpenBotAnswersAndMarksTheMessageUnchecked() {
        World world = bot(Map.of("onUnavailable", "fail_open"));
        moderation.down(503);

        UUID inbound = say(world, "U1", "Hello there");

        assertThat(replyTexts(world, inbound)).containsExactly("Hello! How can I help you today?");
        assertThat(flagOf(world, inbound)).containsEntry("unchecked", true).doesNotContainKey("action");
    }

    @Test
    void theLlmDownOnAFailClosedBotSendsTheCrisisMessageInsteadOfTheFallback() {
        // a fake of its own: its failures open the circuit breaker of its endpoint, not the other tests'
        try (FakeLlm dead = new FakeLlm()) {
            dead.always(FakeLlm.error(500, "openai-error-500.json", Map.of()));
            World closed = bot(dead, Map.of("onUnavailable", "fail_closed"));
            World open = bot(dead, Map.of());

            UUID closedTurn = say(closed, "U1", "Hello there");
            UUID openTurn = say(open, "U1", "Hello there");

            assertThat(replyTexts(closed, closedTurn)).containsExactly(CRISIS);
            assertThat(replyTexts(open, openTurn)).containsExactly(LlmAnswer.GENERIC_FALLBACK);
            assertThat(conversation(closed, closedTurn).botPaused()).as("nothing was flagged: no hand-off").isFalse();
            assertThat(column(closed.tenant(), "SELECT kind FROM notifications WHERE tenant_id = ? AND kind = 'conversation.crisis'")).isEmpty();
        }
    }

    @Test
    void theCustomEndpointIsAskedWithTheBotsOwnKey() {
        World world = bot(Map.of());
        String sealed = secrets.seal("sk-custom-mod-0123-Zz9q", ModerationSettings.keyContext(world.tenant().value(),
                world.bot()));
        Map<String, Object> settings = new LinkedHashMap<>(read(scope.read(world.tenant(), () -> bots.find(
                world.tenant().value(), world.bot())).orElseThrow().moderation()));
        settings.put("apiKeySealed", sealed);
        scope.writeVoid(world.tenant(), () -> bots.setModeration(world.tenant().value(), world.bot(), write(settings)));
        int before = moderation.calls().size();

        say(world, "U1", "Hello there");

        assertThat(moderation.calls().subList(before, moderation.calls().size()))
                .extracting(FakeModeration.Call::authorization).containsOnly("Bearer sk-custom-mod-0123-Zz9q");
    }

    @Test
    void thePlatformServiceIsAskedWithThePlatformKeyInTheRealWireFormat() {
        World world = bot(Map.of("service", "platform"));
        int before = moderation.calls().size();

        UUID inbound = say(world, "U1", "you idiot");

        FakeModeration.Call call = moderation.calls().get(before);
        assertThat(call.authorization()).isEqualTo("Bearer sk-platform-moderation");
        assertThat(read(call.body())).containsEntry("input", "you idiot")
                .containsEntry("model", "omni-moderation-latest");
        assertThat(replyTexts(world, inbound)).containsExactly(REFUSAL);
    }

    @Test
    void aMessageOverTheMaximumLengthGetsTheTooLongTextAndNeverReachesTheLlm() {
        World world = bot(Map.of("maxInputLength", 20, "tooLongMessage", "Please keep it under 20 characters."));
        UUID[] inbound = new UUID[1];

        int calls = llmCalls(() -> inbound[0] = say(world, "U1", "這是一段超過二十個字的訊息，機器人不應該把它送到語言模型那裡去。"));
        UUID shortTurn = say(world, "U1", "二十個字以內");

        assertThat(calls).isZero();
        assertThat(replyTexts(world, inbound[0])).containsExactly("Please keep it under 20 characters.");
        assertThat(replyTexts(world, shortTurn)).containsExactly("Hello! How can I help you today?");
    }
}
