package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.budget.Budgets;
import io.parley.core.budget.LlmBudget;
import io.parley.core.budget.LlmBudget.AtCap;
import io.parley.core.usage.LlmUsageRow;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A budget's hard cap, checked before each LLM call, with the fake LLM: it holds under 50 concurrent turns, and the
 * bot then degrades as the tenant chose — never silence, never the per-contact limit message.
 */
@MicronautTest(transactional = false)
class BudgetCapTurnTest extends TurnTest {

    /** 1,000 micro-USD per token: the fixture's answer (28 + 9 tokens) costs 37,000. */
    private static final long CALL_COST = 37_000;
    private static final String LIMIT_MESSAGE = "Per-contact limit reached.";

    private final FakeLlm llm = new FakeLlm();

    @Inject
    Budgets budgets;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("parley.llm.prices.gpt-4o-mini.input-per-million", "1000000000");
        properties.put("parley.llm.prices.gpt-4o-mini.output-per-million", "1000000000");
        return properties;
    }

    @BeforeEach
    void answerSlowly() {
        llm.reset();
        llm.always(FakeLlm.ok().after(Duration.ofMillis(50)));
    }

    @AfterAll
    void stopTheFake() {
        llm.close();
    }

    @Test
    void theHardCapHoldsUnderFiftyConcurrentTurnsWithAtMostOneCallOfOvershoot() throws Exception {
        World world = capped(1_000_000L, AtCap.MESSAGE, null, "Our assistant is resting until tomorrow.");

        List<UUID> inbound = new ArrayList<>();
        try (ExecutorService turns = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<UUID>> running = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String user = "U" + i;
                running.add(turns.submit(() -> say(world, user, "Hello from " + user)));
            }
            for (Future<UUID> turn : running) {
                inbound.add(turn.get());
            }
        }
        // and then one at a time, until the cap answers
        while (usageOf(world).stream().mapToLong(LlmUsageRow::costMicros).sum() < 1_000_000L) {
            inbound.add(say(world, "U-late-" + inbound.size(), "Still there?"));
            assertThat(inbound).hasSizeLessThan(200);
        }
        inbound.add(say(world, "U-last", "Anyone?"));

        long spent = usageOf(world).stream().mapToLong(LlmUsageRow::costMicros).sum();
        assertThat(spent).isBetween(1_000_000L, 1_000_000L + CALL_COST);
        assertThat(calls()).hasSize(usageOf(world).size());
        List<String> replies = inbound.stream().map(id -> replyTexts(world, id)).map(List::getFirst).toList();
        assertThat(replies).doesNotContain(LIMIT_MESSAGE)
                .contains("Our assistant is resting until tomorrow.", "Hello! How can I help you today?");
        assertThat(replyTexts(world, inbound.getLast())).containsExactly("Our assistant is resting until tomorrow.");
    }

    @Test
    void atTheCapWithoutItsOwnMessageTheBotSendsTheDefaultCapMessage() {
        World world = capped(1L, AtCap.MESSAGE, null, null);
        say(world, "U1", "first"); // the last call the budget allows

        UUID second = say(world, "U1", "second");

        assertThat(replyTexts(world, second)).containsExactly(LlmAnswer.DEFAULT_CAP_MESSAGE);
        assertThat(calls()).hasSize(1);
    }

    @Test
    void flowsOnlyAnswersWhatNeedsTheLlmWithTheFallbackMessage() {
        World world = capped(1L, AtCap.FLOWS_ONLY, null, null);
        say(world, "U1", "first");

        UUID second = say(world, "U1", "second");

        assertThat(replyTexts(world, second)).containsExactly("Our team will reply soon.");
        assertThat(calls()).hasSize(1);
    }

    @Test
    void aCheaperModelAnswersPastTheCap() {
        World world = capped(1L, AtCap.CHEAPER_MODEL, "gpt-4o-nano", null);
        say(world, "U1", "first");

        UUID second = say(world, "U1", "second");

        assertThat(replyTexts(world, second)).containsExactly("Hello! How can I help you today?");
        assertThat(calls()).hasSize(2);
        assertThat(read(calls().get(0).body())).containsEntry("model", "gpt-4o-mini");
        assertThat(read(calls().get(1).body())).containsEntry("model", "gpt-4o-nano");
    }

    @Test
    void aCappedCallCarriesTheCompletionLimitItsCeilingAssumed() {
        World world = capped(1_000_000_000L, AtCap.MESSAGE, null, null);

        say(world, "U1", "hello");

        assertThat(read(calls().getFirst().body())).containsEntry("max_tokens", 1024);
    }

    private World capped(long monthlyMicros, AtCap atCap, String capModel, String capMessage) {
        BotSpec spec = BotSpec.llm(llm);
        spec.limitMessage = LIMIT_MESSAGE;
        spec.fallback = "Our team will reply soon.";
        World world = world(spec, "web");
        scope.writeVoid(world.tenant(), () -> budgets.save(world.tenant(), new LlmBudget(world.bot(), monthlyMicros,
                null, LlmBudget.DEFAULT_THRESHOLDS, true, atCap, capModel, capMessage)));
        callsBefore = llm.calls().size();
        return world;
    }

    private int callsBefore;

    /** The fake LLM's calls since the test's world was made (the fake serves every test of the class). */
    private List<FakeLlm.Call> calls() {
        List<FakeLlm.Call> all = llm.calls();
        return all.subList(callsBefore, all.size());
    }
}
