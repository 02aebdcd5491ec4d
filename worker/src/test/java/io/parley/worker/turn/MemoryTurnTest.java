package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.flow.Flow;
import io.parley.core.flow.Step;
import io.parley.core.flow.Trigger;
import io.parley.core.flow.condition.Condition;
import io.parley.core.memory.MemoryField;
import io.parley.core.memory.MemoryFields;
import io.parley.core.memory.MemoryHistoryRepository;
import io.parley.core.memory.MemoryHistoryRow;
import io.parley.core.memory.MemorySchemas;
import io.parley.core.memory.MemoryStore;
import io.parley.core.tenancy.Ids;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory fields through the inbound turn on real PostgreSQL, with the fake LLM's tool calls: bounded moves with
 * history, malformed calls, the persona's {{memory.*}}, tool calls without text, the JSON-block fallback (declared
 * and detected), a flow condition on memory, and erasure with the contact.
 */
@MicronautTest(transactional = false)
class MemoryTurnTest extends TurnTest {

    private static final MemoryField FAVORABILITY = new MemoryField("favorability", "number", null,
            "How much you like the user", 50, true, BigDecimal.ZERO, BigDecimal.valueOf(100), BigDecimal.valueOf(5),
            null, null);
    private static final MemoryField MOOD = new MemoryField("mood", "enum", "conversation", null, "calm", false,
            null, null, null, List.of("calm", "happy", "sad"), null);

    private final FakeLlm llm = new FakeLlm();

    @Inject
    MemorySchemas schemas;
    @Inject
    MemoryStore store;
    @Inject
    MemoryHistoryRepository history;

    @AfterAll
    void stopTheFake() {
        llm.close();
    }

    @BeforeEach
    void forgetTheScript() {
        llm.reset();
    }

    @Test
    void favorabilityMovesWithinItsBoundsAndStepOverATenTurnConversation() {
        World world = companion(MemoryFields.UpdateMode.TOOLS);
        List<Integer> proposed = List.of(100, 100, 0, 57, 58, 250, -40, 61, 30, 31);
        proposed.forEach(value -> llm.then(FakeLlm.memory("{\"favorability\": " + value + "}", "Reply " + value)));

        UUID last = null;
        for (int i = 0; i < proposed.size(); i++) {
            last = say(world, "U1", "message " + i);
            assertThat(replyTexts(world, last)).as("turn %d still answers", i).containsExactly("Reply " + proposed.get(i));
        }

        List<MemoryHistoryRow> changes = historyOf(world, last).reversed();
        assertThat(changes).hasSize(10).allSatisfy(change -> {
            assertThat(change.source()).isEqualTo("llm");
            assertThat(change.turnId()).isNotNull();
        });
        long before = 50;
        for (MemoryHistoryRow change : changes) {
            long old = Long.parseLong(change.oldValue());
            long now = Long.parseLong(change.newValue());
            assertThat(old).isEqualTo(before);
            assertThat(Math.abs(now - old)).as("moved by at most the step").isLessThanOrEqualTo(5);
            assertThat(now).isBetween(0L, 100L);
            before = now;
        }
        assertThat(changes.stream().map(c -> Long.parseLong(c.newValue())).toList())
                .containsExactly(55L, 60L, 55L, 57L, 58L, 63L, 58L, 61L, 56L, 51L);
        assertThat(memoryOf(world, last)).containsEntry("favorability", 51L);
    }

    @Test
    void aMalformedToolCallIsIgnoredAndTheReplyStillReachesTheContact() {
        World world = companion(MemoryFields.UpdateMode.TOOLS);
        llm.then(FakeLlm.memory("{\"favorability\": 70", "Still here"),
                FakeLlm.memory("{\"affection\": 70, \"favorability\": \"high\"}", "Still here too"),
                FakeLlm.toolCall("get_plan", "{\"tenant_id\": \"x\"}", "And again"));

        UUID first = say(world, "U1", "hi");
        UUID second = say(world, "U1", "hi");
        UUID third = say(world, "U1", "hi");

        assertThat(replyTexts(world, first)).containsExactly("Still here");
        assertThat(replyTexts(world, second)).containsExactly("Still here too");
        assertThat(replyTexts(world, third)).containsExactly("And again");
        assertThat(historyOf(world, third)).isEmpty();
        assertThat(memoryOf(world, third)).containsEntry("favorability", 50L);
    }

    @Test
    void thePersonaReadsTheValueAndTheRequestOffersTheUpdateMemoryTool() {
        World world = companion(MemoryFields.UpdateMode.TOOLS);
        int before = llm.calls().size();
        llm.then(FakeLlm.memory("{\"favorability\": 54}", "Nice"));
        say(world, "U1", "hello");
        say(world, "U1", "hello again");

        List<FakeLlm.Call> calls = llm.calls().subList(before, llm.calls().size());
        assertThat(system(calls.get(0))).startsWith("You are Aki. Favorability: 50.")
                .contains("favorability = 50 — How much you like the user (a number from 0 to 100, changed by at "
                        + "most 5 per turn)");
        assertThat(system(calls.get(1))).as("the next turn sees the new value").startsWith("You are Aki. Favorability: 54.");
        Map<String, Object> body = read(calls.get(0).body());
        assertThat(write(body.get("tools"))).contains("\"name\":\"update_memory\"")
                .contains("\"favorability\":{\"type\":\"number\"")
                .contains("\"enum\":[\"calm\",\"happy\",\"sad\"]").contains("\"required\":[]");
        assertThat(body.get("tool_choice")).isEqualTo("auto");
    }

    @Test
    void toolCallsWithoutTextGetTheFollowUpAndItsAnswerGoesOut() {
        World world = companion(MemoryFields.UpdateMode.TOOLS);
        int before = llm.calls().size();
        llm.then(FakeLlm.memory("{\"mood\": \"happy\"}", null), FakeLlm.ok("Glad to hear it!"));

        UUID said = say(world, "U1", "I got the job!");

        assertThat(replyTexts(world, said)).containsExactly("Glad to hear it!");
        List<FakeLlm.Call> calls = llm.calls().subList(before, llm.calls().size());
        assertThat(calls).hasSize(2);
        List<Map<String, Object>> followUp = promptOf(calls.get(1));
        assertThat(followUp.get(followUp.size() - 2)).containsKey("tool_calls");
        assertThat(followUp.getLast()).containsEntry("role", "tool").containsEntry("tool_call_id", "call_FAKE0001");
        assertThat(read(calls.get(1).body())).containsEntry("tool_choice", "none");
        assertThat(memoryOf(world, said)).containsEntry("mood", "happy");
        assertThat(usageOf(world).getFirst().promptTokens()).as("both requests are billed").isEqualTo(61 + 28);
    }

    @Test
    void aBotWithoutToolsGetsTheJsonBlockWhichIsParsedAndStripped() {
        World world = companion(MemoryFields.UpdateMode.JSON_BLOCK);
        int before = llm.calls().size();
        llm.then(FakeLlm.ok("Sure, see you then!\n```memory\n{\"favorability\": 90}\n```"));

        UUID said = say(world, "U1", "dinner tomorrow?");

        assertThat(replyTexts(world, said)).containsExactly("Sure, see you then!");
        assertThat(memoryOf(world, said)).containsEntry("favorability", 55L);
        FakeLlm.Call call = llm.calls().get(before);
        assertThat(read(call.body())).doesNotContainKey("tools");
        assertThat(system(call)).contains("```memory");
    }

    @Test
    void aProviderThatRefusesToolsWithA400IsAskedAgainWithTheJsonBlock() {
        World world = companion(MemoryFields.UpdateMode.TOOLS);
        int before = llm.calls().size();
        llm.then(FakeLlm.error(400, "openai-error-400-context-length.json", Map.of()),
                FakeLlm.ok("Okay!\n```memory\n{\"mood\": \"sad\"}\n```"), FakeLlm.ok("Later"));

        UUID said = say(world, "U1", "my cat is ill");
        UUID later = say(world, "U1", "hm");

        assertThat(replyTexts(world, said)).containsExactly("Okay!");
        assertThat(memoryOf(world, said)).containsEntry("mood", "sad");
        List<FakeLlm.Call> calls = llm.calls().subList(before, llm.calls().size());
        assertThat(read(calls.get(0).body())).containsKey("tools");
        assertThat(read(calls.get(1).body())).doesNotContainKey("tools");
        assertThat(read(calls.get(2).body())).as("the bot is remembered as without tools").doesNotContainKey("tools");
        assertThat(replyTexts(world, later)).containsExactly("Later");
    }

    @Test
    void aFlowConditionOnMemoryAnswersOnlyOnceTheValueHolds() {
        World world = companion(MemoryFields.UpdateMode.TOOLS);
        flow(world, new Flow(Ids.next(), "date", true, 0, new Trigger.Keyword(List.of("date"), Trigger.Match.CONTAINS),
                List.of(new Step.Text("Yes! Favorability {{memory.favorability}}.")),
                Condition.test("memory.favorability", "gte", 70)));
        llm.always(FakeLlm.ok("Maybe later."));
        try {
            UUID early = say(world, "U1", "a date?");
            assertThat(replyTexts(world, early)).containsExactly("Maybe later.");

            UUID contact = contactOf(world, early).id();
            scope.writeVoid(world.tenant(), () -> store.set(world.tenant().value(), world.bot(), FAVORABILITY, contact,
                    null, 75L, io.parley.core.memory.MemoryChange.Source.AGENT, null));
            UUID later = say(world, "U1", "a date?");

            assertThat(replyTexts(world, later)).containsExactly("Yes! Favorability 75.");
        } finally {
            llm.always(FakeLlm.ok());
        }
    }

    @Test
    void valuesAndHistoryAreErasedWithTheContact() {
        World world = companion(MemoryFields.UpdateMode.TOOLS);
        llm.then(FakeLlm.memory("{\"favorability\": 60, \"mood\": \"happy\"}", "Hi"));
        UUID said = say(world, "U1", "hi");
        UUID contact = contactOf(world, said).id();
        assertThat(historyOf(world, said)).hasSize(2);

        scope.writeVoid(world.tenant(), () -> sql("DELETE FROM contacts WHERE tenant_id = ? AND id = ?",
                world.tenant().value(), contact));

        assertThat(scope.read(world.tenant(), () -> history.ofContact(world.tenant().value(), contact, 10))).isEmpty();
        assertThat(scope.read(world.tenant(), () -> store.read(world.tenant().value(), world.bot(),
                fields(MemoryFields.UpdateMode.TOOLS), contact, null))).containsEntry("favorability", 50L);
        assertThat(count(world, "memory_values")).isZero();
    }

    private World companion(MemoryFields.UpdateMode mode) {
        BotSpec spec = BotSpec.llm(llm);
        spec.persona = "You are Aki. Favorability: {{memory.favorability}}.";
        World world = world(spec, "web");
        scope.writeVoid(world.tenant(), () -> schemas.save(world.tenant().value(), world.bot(), fields(mode)));
        return world;
    }

    private static MemoryFields fields(MemoryFields.UpdateMode mode) {
        return new MemoryFields(List.of(FAVORABILITY, MOOD), mode);
    }

    private List<MemoryHistoryRow> historyOf(World world, UUID message) {
        UUID contact = contactOf(world, message).id();
        return scope.read(world.tenant(), () -> history.ofContact(world.tenant().value(), contact, 100));
    }

    private Map<String, Object> memoryOf(World world, UUID message) {
        UUID contact = contactOf(world, message).id();
        UUID conversation = conversation(world, message).id();
        return scope.read(world.tenant(), () -> store.read(world.tenant().value(), world.bot(),
                fields(MemoryFields.UpdateMode.TOOLS), contact, conversation));
    }

    private String system(FakeLlm.Call call) {
        return String.valueOf(promptOf(call).getFirst().get("content"));
    }

    private long count(World world, String table) {
        return scope.read(world.tenant(), () -> {
            try (var statement = dataSource.getConnection().prepareStatement(
                    "SELECT count(*) FROM " + table + " WHERE tenant_id = ?")) {
                statement.setObject(1, world.tenant().value());
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
