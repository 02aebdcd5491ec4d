package io.parley.bench;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parley answers a contact's waiting messages together (one LLM call, one reply with the newest token): the fake LLM
 * names the messages a prompt asks it to answer, and the fake LINE credits every message an answer names.
 */
class CoalescedAnswersTest {

    private static final Path FIXTURES = Path.of("../core/src/test/resources/protocols/fixtures");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theFakeLlmNamesTheMessagesAfterTheLastAnswer() throws Exception {
        try (FakeLlm llm = new FakeLlm(FIXTURES)) {
            String answer = post(llm.baseUrl() + "/chat/completions", """
                    {"model":"m","messages":[{"role":"system","content":"Be brief"},
                    {"role":"user","content":"Hello, this is message 2-7 こんにちは"},
                    {"role":"assistant","content":"Answering message 2-7"},
                    {"role":"user","content":"Hello, this is message 2-2007 こんにちは"},
                    {"role":"user","content":"Hello, this is message 2-4007 こんにちは"}]}""",
                    "Bearer " + FakeLlm.API_KEY);

            assertThat(answer).contains("\"content\": \"Answering message 2-2007, message 2-4007\"");
        }
    }

    @Test
    void aCoalescedReplyAnswersEveryMessageItNamesAndAPushItsMessagesByPush() throws Exception {
        try (FakeLine line = new FakeLine(FIXTURES)) {
            Phase phase = new Phase(2, 10_000, true);
            line.track(phase);
            for (int sequence : new int[] {7, 2007, 4007, 9}) {
                phase.sending(sequence, 1_000);
                phase.acknowledged(sequence, 2_000);
            }

            post(line.baseUrl() + "/v2/bot/message/reply", "{\"replyToken\":\"" + LineWebhooks.replyToken(2, 4007)
                    + "\",\"messages\":[{\"type\":\"text\",\"text\":\"Answering message 2-2007, message 2-4007\"}]}", null);
            post(line.baseUrl() + "/v2/bot/message/push", "{\"to\":\"U1\",\"messages\":[{\"type\":\"text\","
                    + "\"text\":\"Answering message 2-7, message 2-9\"}]}", null);

            assertThat(phase.replies.get()).isEqualTo(1);
            assertThat(phase.coalesced.get()).isEqualTo(1);
            assertThat(phase.pushes.get()).isEqualTo(2);
            assertThat(phase.duplicateReplies.get()).isZero();
            assertThat(phase.namedAgain.get()).isZero();
            assertThat(phase.answered()).isEqualTo(4);

            post(line.baseUrl() + "/v2/bot/message/push", "{\"to\":\"U1\",\"messages\":[{\"type\":\"text\","
                    + "\"text\":\"Answering message 2-2007\"}]}", null);

            assertThat(phase.namedAgain.get()).isEqualTo(1);
            assertThat(phase.duplicateReplies.get()).isZero();
            assertThat(phase.answered()).isEqualTo(4);
        }
    }

    private String post(String url, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
