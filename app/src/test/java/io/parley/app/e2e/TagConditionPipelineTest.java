package io.parley.app.e2e;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code contact.tags} flow condition over tags set the ways a business sets them, through the whole pipeline:
 * {@code PATCH /api/v1/contacts/{id}} (JSON Merge Patch) and a CSV import, then LINE webhook → turn → reply. The
 * tags column is a PostgreSQL {@code text[]} read back as JSON; this checks the two agree end to end.
 */
@MicronautTest(transactional = false)
class TagConditionPipelineTest extends PipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aVipFlowAnswersContactsTaggedThroughTheApiOrAnImportAndLeavesOthersToTheLlm() {
        Setup setup = setUp(Map.of());
        fakes.llm.set(body -> FakeProviders.LlmAnswer.ok("LLM answer"));
        post("/api/v1/bots/" + setup.botId() + "/flows", setup.token(), Map.of("name", "vip menu",
                "trigger", Map.of("type", "keyword", "keywords", List.of("menu"), "match", "contains"),
                "condition", Map.of("field", "contact.tags", "op", "contains", "value", "vip"),
                "steps", List.of(Map.of("type", "text", "text", "Your VIP menu"))), 201);
        String patched = lineUserId();
        String imported = lineUserId();
        String untagged = lineUserId();
        for (String user : List.of(patched, untagged)) {
            assertThat(lineText(setup, user, "01TAG" + user, "rt-hello-" + user, "hello")).isEqualTo(200);
            await("the first answer", WAIT, () -> !lineMessagesFor("rt-hello-" + user).isEmpty());
        }

        HttpResponse<String> patch = send("PATCH", "/api/v1/contacts/" + contactId(setup, patched), setup.token(),
                Map.of("tags", List.of("new", "vip")));
        assertThat(patch.statusCode()).as(patch.body()).isEqualTo(200);
        importTags(setup, imported, "gold;vip");

        assertThat(answerTo(setup, patched, "menu please")).contains("Your VIP menu").doesNotContain("LLM answer");
        assertThat(answerTo(setup, imported, "menu please")).contains("Your VIP menu").doesNotContain("LLM answer");
        assertThat(answerTo(setup, untagged, "menu please")).contains("LLM answer").doesNotContain("Your VIP menu");
    }

    /** A LINE user id as LINE writes them (U and 32 hex digits): a CSV import refuses any other. */
    private static String lineUserId() {
        return "U" + UUID.randomUUID().toString().replace("-", "");
    }

    private String answerTo(Setup setup, String user, String text) {
        String replyToken = "rt-menu-" + user;
        assertThat(lineText(setup, user, "01TAGMENU" + user, replyToken, text)).isEqualTo(200);
        await("the answer to " + user, WAIT, () -> !lineMessagesFor(replyToken).isEmpty());
        return lineMessagesFor(replyToken).getFirst().body();
    }

    @SuppressWarnings("unchecked")
    private String contactId(Setup setup, String externalUserId) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) get("/api/v1/contacts?q=" + externalUserId,
                setup.token()).get("items");
        assertThat(items).hasSize(1);
        return (String) items.getFirst().get("id");
    }

    /** Imports one contact (a new LINE identity) with its tags from a CSV file, and waits for the job. */
    private void importTags(Setup setup, String externalUserId, String tags) {
        String boundary = "parley-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"channelId\"\r\n\r\n"
                + setup.channelId() + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"contacts.csv\"\r\nContent-Type: text/csv\r\n\r\nexternalUserId,tags\r\n"
                + externalUserId + "," + tags + "\r\n--" + boundary + "--\r\n";
        try {
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(
                            URI.create(server.getURL() + "/api/v1/contacts/imports"))
                    .header("Authorization", "Bearer " + setup.token())
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            assertThat(parse(started.body()).get("validRows")).as(started.body()).isEqualTo(1);
            String id = (String) parse(started.body()).get("id");
            await("the import", WAIT, () -> "completed".equals(get("/api/v1/contacts/imports/" + id,
                    setup.token()).get("state")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
