package io.parley.app.e2e;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A LINE user talks to a bot through the whole pipeline: webhook → queue → turn → LLM → reply. */
@MicronautTest(transactional = false)
class LineConversationTest extends PipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aTextMessageIsAnsweredByTheLlmWithTheEventsReplyToken() {
        Setup setup = setUp(Map.of());
        fakes.llm.set(body -> FakeProviders.LlmAnswer.ok("Hi! How can I help?"));
        String replyToken = "rt-" + UUID.randomUUID();

        assertThat(lineText(setup, "Ue2e0001", "01E2E" + UUID.randomUUID(), replyToken, "hello")).isEqualTo(200);

        await("the reply", WAIT, () -> !lineMessagesFor(replyToken).isEmpty());
        FakeProviders.Call reply = lineMessagesFor(replyToken).getFirst();
        assertThat(reply.path()).isEqualTo("/v2/bot/message/reply");
        assertThat(reply.authorization()).isEqualTo("Bearer line-access-token-e2e");
        assertThat(reply.body()).contains("\"replyToken\":\"" + replyToken + "\"").contains("Hi! How can I help?");
        assertThat(fakes.llmCalls.getLast().authorization()).isEqualTo("Bearer sk-e2e-key");
        await("the loading animation", WAIT, () -> fakes.lineCalls.stream().anyMatch(call ->
                call.path().equals("/v2/bot/chat/loading/start") && call.body().contains("Ue2e0001")));
        assertThat(fakes.llmCalls.getLast().body()).contains("hello").contains("You are a helpful bot.");
    }

    @Test
    void aRedeliveredEventIsNotAnsweredTwice() throws InterruptedException {
        Setup setup = setUp(Map.of());
        String eventId = "01E2EREDELIVER" + UUID.randomUUID();
        String replyToken = "rt-" + UUID.randomUUID();

        assertThat(lineText(setup, "Ue2e0002", eventId, replyToken, "once")).isEqualTo(200);
        assertThat(lineText(setup, "Ue2e0002", eventId, replyToken, "once")).isEqualTo(200);
        await("the reply", WAIT, () -> !lineMessagesFor(replyToken).isEmpty());
        Thread.sleep(1500); // time for a wrongly enqueued second turn to show up

        assertThat(lineMessagesFor(replyToken)).hasSize(1);
    }

    @Test
    void fiftyContactsSendingTenMessagesEachAreAnsweredOnceAndInOrder() throws Exception {
        Setup setup = setUp(Map.of("historyWindow", 2));
        // answers every message after the last answer in the prompt: a turn may answer several (coalesced turns)
        fakes.llm.set(body -> {
            Matcher asked = Pattern.compile("msg-(U[0-9a-z]+)-(\\d+)").matcher(
                    body.substring(Math.max(0, body.lastIndexOf("\"assistant\""))));
            List<String> said = new ArrayList<>();
            while (asked.find()) {
                said.add("answer-" + asked.group(1) + "-" + asked.group(2));
            }
            return FakeProviders.LlmAnswer.ok(String.join(" ", said));
        });
        int contacts = 50;
        int messages = 10;
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < contacts; c++) {
                String user = "U" + run + "c" + c;
                all.add(senders.submit(() -> {
                    for (int m = 1; m <= messages; m++) {
                        assertThat(lineText(setup, user, "01E2E" + user + "m" + m, "rt-" + user + "-" + m,
                                "msg-" + user + "-" + m)).isEqualTo(200);
                    }
                }));
            }
            for (Future<?> sending : all) {
                sending.get();
            }
        }

        await("every message answered", Duration.ofSeconds(120), () -> {
            for (int c = 0; c < contacts; c++) {
                if (answersTo("U" + run + "c" + c).stream().flatMap(List::stream).distinct().count() < messages) {
                    return false;
                }
            }
            return true;
        });
        for (int c = 0; c < contacts; c++) {
            String user = "U" + run + "c" + c;
            List<List<Integer>> answers = answersTo(user);
            // Several messages may share one answer (coalesced turns), and an answer may name the message before its
            // own again (the history ends at the turn's message, before the previous answer was written): what
            // counts is that every message is answered, and each answer is newer than the one before (no answer
            // delivered twice, none out of order).
            assertThat(answers.stream().flatMap(List::stream).distinct().toList()).as("replies to " + user)
                    .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            List<Integer> newest = answers.stream().map(numbers -> numbers.stream().max(Integer::compare).orElseThrow())
                    .toList();
            assertThat(newest).as("the newest message each answer to " + user + " answers").isSorted()
                    .doesNotHaveDuplicates();
        }
    }

    /** The message numbers each LINE message to {@code user} answers, in the order LINE received them. */
    private List<List<Integer>> answersTo(String user) {
        List<List<Integer>> answers = new ArrayList<>();
        Pattern answer = Pattern.compile("answer-" + user + "-(\\d+)");
        for (FakeProviders.Call call : fakes.lineMessages()) {
            List<Integer> numbers = answer.matcher(call.body()).results()
                    .map(match -> Integer.parseInt(match.group(1))).toList();
            if (!numbers.isEmpty()) {
                answers.add(numbers);
            }
        }
        return answers;
    }

    @Test
    void aGroupsMessagesFromDifferentMembersAreAnsweredInOrderInTheGroup() {
        Setup setup = setUp(Map.of());
        String run = UUID.randomUUID().toString().substring(0, 8);
        String group = "C" + run + "0000000000000000000000group";
        fakes.llm.set(body -> {
            Matcher said = Pattern.compile("group-" + run + "-(\\d)").matcher(body);
            String last = null;
            while (said.find()) {
                last = said.group(1);
            }
            if ("1".equals(last)) {
                sleep(400); // the first member's question takes longest to answer
            }
            return FakeProviders.LlmAnswer.ok("answer-" + run + "-" + last);
        });

        for (int m = 1; m <= 5; m++) {
            String member = "U" + run + "member" + m;
            String body = lineTextBody(member, "01E2EGROUP" + run + m, "rt-" + run + "-" + m, "group-" + run + "-" + m)
                    .replace("{\"type\":\"user\",\"userId\":\"" + member + "\"}",
                            "{\"type\":\"group\",\"groupId\":\"" + group + "\",\"userId\":\"" + member + "\"}");
            assertThat(body).contains(group);
            assertThat(postLine(setup, body)).isEqualTo(200);
        }

        await("every answer", WAIT, () -> fakes.lineMessages().stream()
                .filter(call -> call.body().contains("answer-" + run)).count() >= 5);
        List<String> answered = fakes.lineMessages().stream().filter(call -> call.body().contains("answer-" + run))
                .map(call -> call.body().replaceAll(".*answer-" + run + "-(\\d).*", "$1")).toList();
        assertThat(answered).containsExactly("1", "2", "3", "4", "5");
        assertThat(fakes.lineMessages()).filteredOn(call -> call.body().contains("answer-" + run))
                .allMatch(call -> call.path().equals("/v2/bot/message/reply"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theContactsLineProfileNameReachesThePersona() {
        Setup setup = setUp(Map.of("persona", "You are Lumi. Call the user {{contact.displayName}}."));
        String replyToken = "rt-" + UUID.randomUUID();

        lineText(setup, "Uprofile" + UUID.randomUUID().toString().replace("-", ""), "01E2E" + UUID.randomUUID(),
                replyToken, "hi");

        await("the reply", WAIT, () -> !lineMessagesFor(replyToken).isEmpty());
        // the name fills the placeholder as quoted data (docs/llm.md, "Safety"): "小明", escaped again in the JSON body
        assertThat(fakes.llmCalls.stream().anyMatch(call -> call.body().contains("Call the user \\\"小明\\\""))).isTrue();
        assertThat(String.valueOf(get("/api/v1/contacts", setup.token()).get("items"))).contains("小明");
    }

    @Test
    void aStandbyEventIsStoredButNotAnswered() throws InterruptedException {
        Setup setup = setUp(Map.of());
        String replyToken = "rt-" + UUID.randomUUID();
        String body = lineTextBody("Ue2estandby", "01E2E" + UUID.randomUUID(), replyToken, "standby hello")
                .replace("\"mode\":\"active\"", "\"mode\":\"standby\"");

        assertThat(postLine(setup, body)).isEqualTo(200);
        await("the message in the inbox", WAIT, () -> String.valueOf(get("/api/v1/conversations", setup.token())
                .get("items")).contains("standby hello"));
        Thread.sleep(1000);

        assertThat(lineMessagesFor(replyToken)).isEmpty();
        assertThat(fakes.lineMessages()).noneMatch(call -> call.body().contains("Ue2estandby"));
    }

    @Test
    void anLlmFailureIsAnsweredWithTheFallbackMessage() {
        Setup setup = setUp(Map.of("fallbackMessage", "We cannot answer right now. In a crisis call 1925."));
        fakes.llm.set(body -> FakeProviders.LlmAnswer.error(500,
                "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}"));
        String replyToken = "rt-" + UUID.randomUUID();

        lineText(setup, "Ue2e0003", "01E2E" + UUID.randomUUID(), replyToken, "are you there?");

        await("the fallback", WAIT, () -> !lineMessagesFor(replyToken).isEmpty());
        assertThat(lineMessagesFor(replyToken).getFirst().body()).contains("In a crisis call 1925.");
    }

    @Test
    void simplifiedChineseIsConvertedToTraditionalForABotThatAsksForIt() {
        Setup setup = setUp(Map.of("outputConversion", "zh-Hant"));
        fakes.llm.set(body -> FakeProviders.LlmAnswer.ok("这是简体中文的回答"));
        String replyToken = "rt-" + UUID.randomUUID();

        lineText(setup, "Ue2e0004", "01E2E" + UUID.randomUUID(), replyToken, "你好");

        await("the reply", WAIT, () -> !lineMessagesFor(replyToken).isEmpty());
        assertThat(lineMessagesFor(replyToken).getFirst().body()).contains("這是簡體中文的回答");
    }
}
