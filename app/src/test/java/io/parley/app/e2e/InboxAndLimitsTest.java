package io.parley.app.e2e;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's side of a conversation (takeover, agent replies) and per-contact limits, end to end. */
@MicronautTest(transactional = false)
class InboxAndLimitsTest extends PipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aHumanTakeoverSilencesTheBotAndTheAgentsReplyReachesTheContact() throws InterruptedException {
        Setup setup = setUp(Map.of());
        fakes.llm.set(body -> FakeProviders.LlmAnswer.ok("bot answer"));
        String user = "Ue2etakeover" + UUID.randomUUID().toString().substring(0, 6);
        String first = "rt-" + UUID.randomUUID();
        lineText(setup, user, "01E2E" + UUID.randomUUID(), first, "hello bot");
        await("the bot's first reply", WAIT, () -> !lineMessagesFor(first).isEmpty());

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> conversations = (List<Map<String, Object>>) get("/api/v1/conversations", setup.token())
                .get("items");
        String conversationId = (String) conversations.getFirst().get("id");
        post("/api/v1/conversations/" + conversationId + "/takeover", setup.token(), Map.of(), 200);

        String second = "rt-" + UUID.randomUUID();
        lineText(setup, user, "01E2E" + UUID.randomUUID(), second, "is anyone human there?");
        await("the message in the inbox", WAIT, () -> messagesText(setup, conversationId).contains("is anyone human there?"));
        Thread.sleep(1000);
        assertThat(lineMessagesFor(second)).as("the bot stays silent").isEmpty();

        post("/api/v1/conversations/" + conversationId + "/messages", setup.token(), Map.of("text", "Hi, I am Amy."), 201);
        await("the agent's message at LINE", WAIT, () -> !lineMessagesFor("Hi, I am Amy.").isEmpty());
        FakeProviders.Call agent = lineMessagesFor("Hi, I am Amy.").getFirst();
        assertThat(agent.path()).isEqualTo("/v2/bot/message/push");
        assertThat(agent.body()).contains(user);
        assertThat(agent.retryKey()).isNotBlank();
    }

    @Test
    void theTwentyFirstMessageOfATwentyPerDayContactGetsTheLimitMessageOnce() throws InterruptedException {
        Setup setup = setUp(Map.of("limits", Map.of("perDay", 20),
                "limitMessage", "You have used today's 20 free messages."));
        fakes.llm.set(body -> FakeProviders.LlmAnswer.ok("ok"));
        String user = "Ue2elimit" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 1; i <= 20; i++) {
            String token = "rt-limit-" + user + "-" + i;
            lineText(setup, user, "01E2E" + user + i, token, "message " + i);
            await("reply " + i, WAIT, () -> !lineMessagesFor(token).isEmpty());
            assertThat(lineMessagesFor(token).getFirst().body()).doesNotContain("free messages");
        }

        String twentyFirst = "rt-limit-" + user + "-21";
        String twentySecond = "rt-limit-" + user + "-22";
        lineText(setup, user, "01E2E" + user + "21", twentyFirst, "message 21");
        lineText(setup, user, "01E2E" + user + "22", twentySecond, "message 22");

        await("the limit message", WAIT, () -> !lineMessagesFor(twentyFirst).isEmpty());
        assertThat(lineMessagesFor(twentyFirst).getFirst().body()).contains("You have used today's 20 free messages.");
        @SuppressWarnings("unchecked")
        String conversationId = (String) ((List<Map<String, Object>>) get("/api/v1/conversations", setup.token())
                .get("items")).getFirst().get("id");
        await("the 22nd message stored", WAIT, () -> messagesText(setup, conversationId).contains("message 22"));
        Thread.sleep(1000); // its turn runs right after storing; give a wrong reply time to leave
        assertThat(lineMessagesFor(twentySecond)).as("once per window, not per message").isEmpty();
    }

    private String messagesText(Setup setup, String conversationId) {
        return String.valueOf(get("/api/v1/conversations/" + conversationId + "/messages", setup.token()).get("items"));
    }
}
