package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every LLM failure ends in an answer: the bot's fallback (its crisis text) or a generic one. */
@MicronautTest(transactional = false)
class LlmFailureTest extends TurnTest {

    private static final String CRISIS = "If you are in danger, call 1925 now. I'm here for you.";

    private final FakeLlm llm = new FakeLlm();

    @jakarta.inject.Inject
    io.parley.core.alert.AlertRuleRepository alertRules;

    @AfterAll
    void stopTheFake() {
        llm.close();
    }

    private World crisisBot(Integer timeoutMs) {
        BotSpec spec = BotSpec.llm(llm);
        spec.fallback = CRISIS;
        spec.timeoutMs = timeoutMs;
        return world(spec, "line");
    }

    @Test
    void sendsTheFallbackWhenTheLlmKeepsFailingWith500() {
        World world = crisisBot(null);
        int before = llm.calls().size();
        FakeLlm.Answer failure = FakeLlm.error(500, "openai-error-500.json", Map.of());
        llm.then(failure, failure, failure);

        UUID inbound = say(world, "U1", "I feel awful");

        assertThat(replyTexts(world, inbound)).containsExactly(CRISIS);
        assertThat(llm.calls()).hasSize(before + 3); // max-attempts 3: 5xx is retried while time remains
        assertThat(usageOf(world)).singleElement().satisfies(row -> assertThat(row.outcome()).isEqualTo("error"));
        assertThat(sendJobs(world)).hasSize(1);
    }

    @Test
    void sendsTheFallbackWhenTheLlmTimesOut() {
        World world = crisisBot(1500);
        llm.then(FakeLlm.ok().after(Duration.ofSeconds(6)));
        Instant start = Instant.now();

        UUID inbound = say(world, "U1", "hello?");

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(4));
        assertThat(replyTexts(world, inbound)).containsExactly(CRISIS);
        assertThat(usageOf(world)).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo("timeout");
            assertThat(row.latencyMs()).isBetween(1400, 4000);
        });
    }

    @Test
    void aGenericFallbackAnswersWhenTheBotHasNone() {
        World world = world(BotSpec.llm(llm), "web");
        llm.then(FakeLlm.error(401, "openai-error-401.json", Map.of()));

        UUID inbound = say(world, "U1", "hi");

        assertThat(replyTexts(world, inbound)).containsExactly(LlmAnswer.GENERIC_FALLBACK);
    }

    @Test
    void aRejectedLlmKeyRaisesTheTenantsCredentialsAlert() throws Exception {
        World world = world(BotSpec.llm(llm), "web");
        scope.writeVoid(world.tenant(), () -> alertRules.insert(world.tenant().value(),
                io.parley.core.tenancy.Ids.next(), "credentials_rejected", true, null, null, null, null, null));
        llm.then(FakeLlm.error(401, "openai-error-401.json", Map.of()));

        UUID inbound = say(world, "U1", "hi");

        assertThat(replyTexts(world, inbound)).containsExactly(LlmAnswer.GENERIC_FALLBACK);
        try (var connection = io.parley.core.testing.TestDatabase.shared().openSuperuserConnection();
             var rows = connection.createStatement().executeQuery("SELECT title, link FROM notifications "
                     + "WHERE kind = 'alert.credentials_rejected' AND tenant_id = '" + world.tenant().value() + "'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).startsWith("The LLM provider rejected the API key of bot");
            assertThat(rows.getString(2)).isEqualTo("/bots/" + world.bot());
        }
    }

    @Test
    void insufficientQuotaIsNotRetried() {
        World world = crisisBot(null);
        int before = llm.calls().size();
        llm.then(FakeLlm.error(429, "openai-error-429-insufficient-quota.json", Map.of("Retry-After", "1")),
                FakeLlm.ok("should never be asked for"));

        UUID inbound = say(world, "U1", "hello");

        assertThat(llm.calls()).hasSize(before + 1);
        assertThat(replyTexts(world, inbound)).containsExactly(CRISIS);
        assertThat(usageOf(world)).singleElement().satisfies(row -> assertThat(row.outcome()).isEqualTo("quota"));
        clearScript();
    }

    @Test
    void aRateLimitIsRetriedAfterTheAdvisedDelay() {
        World world = crisisBot(null);
        int before = llm.calls().size();
        llm.then(FakeLlm.error(429, "openai-error-429-rate-limit.json", Map.of("Retry-After", "1")), FakeLlm.ok());

        UUID inbound = say(world, "U1", "hello");

        List<FakeLlm.Call> calls = llm.calls().subList(before, llm.calls().size());
        assertThat(calls).hasSize(2);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(replyTexts(world, inbound)).containsExactly("Hello! How can I help you today?");
        assertThat(usageOf(world)).singleElement().satisfies(row -> assertThat(row.outcome()).isEqualTo("ok"));
    }

    @Test
    void aRetryAfterBeyondTheDeadlineIsNotWaitedFor() {
        World world = crisisBot(3000);
        int before = llm.calls().size();
        llm.then(FakeLlm.error(503, "openai-error-503.json", Map.of("Retry-After", "10")), FakeLlm.ok());
        Instant start = Instant.now();

        UUID inbound = say(world, "U1", "hello");

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
        assertThat(llm.calls()).hasSize(before + 1);
        assertThat(replyTexts(world, inbound)).containsExactly(CRISIS);
        clearScript();
    }

    /** Answers left in the script by a test that expected them unused. */
    private void clearScript() {
        llm.reset();
    }
}
