package io.parley.api.knowledge;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import io.parley.core.knowledge.Chunker;
import io.parley.core.knowledge.KnowledgeStore;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class KnowledgeApiTest extends ApiTest {

    @Inject
    TenantScope scope;
    @Inject
    KnowledgeStore store;

    @Test
    void adminsAddQaPairsWebPagesAndFilesWhichWaitForTheirLowPriorityIndexingJob() {
        Session owner = api().signup("Knowledge Co");
        String bot = bot(owner);

        Reply qa = api().post(sources(bot), owner.accessToken(), Map.of("type", "qa", "question", "退貨可以退款嗎？",
                "answer", "可以，退貨後三十天內退款。"));
        Reply page = api().post(sources(bot), owner.accessToken(), Map.of("type", "url",
                "url", "https://example.com/faq"));
        Reply file = KnowledgeUploads.upload(api(), bot, owner.accessToken(), "guide.md", "# Hours\nNine to six.");

        assertThat(qa.status()).as(qa.text()).isEqualTo(201);
        assertThat(qa.string("title")).isEqualTo("退貨可以退款嗎？");
        assertThat(qa.string("status")).isEqualTo("pending");
        assertThat(page.string("type")).isEqualTo("url");
        assertThat(file.status()).as(file.text()).isEqualTo(201);
        assertThat(file.string("mediaType")).isEqualTo("text/markdown");
        assertThat(file.at("sizeBytes")).isEqualTo(20);
        assertThat(api().get(sources(bot), owner.accessToken()).items()).extracting(s -> s.get("id"))
                .containsExactly(file.string("id"), page.string("id"), qa.string("id"));
        List<Map<String, Object>> jobs = api().get("/api/v1/jobs?kind=knowledge.index", owner.accessToken()).items();
        assertThat(jobs).hasSize(3).allSatisfy(job -> assertThat(job.get("priority")).isEqualTo(-10));
    }

    @Test
    void aFileTypeThatCannotBeReadIsA415InTheCallersLanguage() {
        Session owner = api().signup("Knowledge Types Co");
        String bot = bot(owner);

        Reply doc = KnowledgeUploads.upload(api(), bot, owner.accessToken(), "old.doc", "binary");
        Reply zh = api().send("POST", "/api/v1/bots/" + bot + "/knowledge/sources/files", owner.accessToken(),
                "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sheet.xlsx\"\r\n\r\nx\r\n--b--\r\n",
                Map.of("Content-Type", "multipart/form-data; boundary=b", "Accept-Language", "zh-Hant"));

        assertThat(doc.status()).isEqualTo(415);
        assertThat(doc.contentType()).startsWith("application/problem+json");
        assertThat(doc.string("detail")).isEqualTo(KnowledgeFormats.NOT_SUPPORTED);
        assertThat(zh.status()).isEqualTo(415);
        assertThat(zh.string("detail")).startsWith("尚不支援此類型的檔案");
    }

    @Test
    void sourcesAreCheckedByType() {
        Session owner = api().signup("Knowledge Rules Co");
        String bot = bot(owner);

        assertField(api().post(sources(bot), owner.accessToken(), Map.of("type", "url", "url", "file:///etc/passwd")),
                "url");
        assertField(api().post(sources(bot), owner.accessToken(), Map.of("type", "qa", "question", "Why?")),
                "answer");
        assertField(api().post(sources(bot), owner.accessToken(), Map.of("type", "qa", "question", "Why?",
                "answer", "Because.", "url", "https://example.com")), "url");
        assertField(api().post(sources(bot), owner.accessToken(), Map.of("type", "pdf")), "type");
        assertThat(api().post(sources(bot), owner.accessToken(), Map.of("type", "url", "url", "https://a.example",
                "colour", "red")).status()).isEqualTo(400);
        assertThat(KnowledgeUploads.upload(api(), bot, owner.accessToken(), "empty.txt", "").status()).isEqualTo(400);
    }

    @Test
    void theTestSearchAnswersTheExcerptsATurnWouldUseWithTheirReferences() {
        Session owner = api().signup("Knowledge Search Co");
        String bot = bot(owner);
        Reply file = KnowledgeUploads.upload(api(), bot, owner.accessToken(), "guide.md", "guide");
        indexed(owner, file.string("id"), "Shop guide", """
                # Opening hours
                Monday to Friday, 9:00 to 18:00.

                # 營業時間
                週一至週五上午九點到下午六點。
                """);

        Reply english = api().post(knowledge(bot) + "/search", owner.accessToken(),
                Map.of("question", "What are the opening hours?"));
        Reply chinese = api().post(knowledge(bot) + "/search", owner.accessToken(),
                Map.of("question", "營業時間？", "topK", 1));

        assertThat(english.status()).as(english.text()).isEqualTo(200);
        assertThat(english.items().getFirst()).containsEntry("n", 1)
                .containsEntry("reference", "Shop guide › Opening hours")
                .containsEntry("text", "Monday to Friday, 9:00 to 18:00.")
                .containsEntry("sourceId", file.string("id"));
        assertThat(chinese.items()).singleElement().satisfies(chunk ->
                assertThat(chunk.get("text")).isEqualTo("週一至週五上午九點到下午六點。"));
        assertField(api().post(knowledge(bot) + "/search", owner.accessToken(), Map.of("question", "x", "topK", 11)),
                "topK");
    }

    @Test
    void settingsAreOffUntilAnAdminTurnsThemOnAndAreMergePatched() {
        Session owner = api().signup("Knowledge Settings Co");
        String bot = bot(owner);

        Reply before = api().get(knowledge(bot) + "/settings", owner.accessToken());
        Reply on = api().patch(knowledge(bot) + "/settings", owner.accessToken(), Map.of("enabled", true, "topK", 2));
        Reply tuned = api().patch(knowledge(bot) + "/settings", owner.accessToken(), Map.of("minScore", 0.3));

        assertThat(before.body()).isEqualTo(Map.of("enabled", false, "topK", 4, "minScore", 0.0));
        assertThat(on.body()).isEqualTo(Map.of("enabled", true, "topK", 2, "minScore", 0.0));
        assertThat(tuned.body()).isEqualTo(Map.of("enabled", true, "topK", 2, "minScore", 0.3));
        assertField(api().patch(knowledge(bot) + "/settings", owner.accessToken(), Map.of("topK", 0)), "topK");
        assertField(api().patch(knowledge(bot) + "/settings", owner.accessToken(), Map.of("minScore", 2)),
                "minScore");
        Map<String, Object> removal = new java.util.HashMap<>();
        removal.put("enabled", null);
        assertField(api().patch(knowledge(bot) + "/settings", owner.accessToken(), removal), "enabled");
    }

    @Test
    void aReindexStartsANewGenerationAndADeletedSourceIsGone() {
        Session owner = api().signup("Knowledge Lifecycle Co");
        String bot = bot(owner);
        Reply page = api().post(sources(bot), owner.accessToken(), Map.of("type", "url", "url", "https://a.example"));
        String path = sources(bot) + "/" + page.string("id");

        Reply again = api().post(path + "/reindex", owner.accessToken(), Map.of());

        assertThat(again.status()).as(again.text()).isEqualTo(202);
        assertThat(again.string("status")).isEqualTo("pending");
        assertThat(api().get("/api/v1/jobs?kind=knowledge.index", owner.accessToken()).items()).hasSize(2);
        assertThat(api().delete(path, owner.accessToken()).status()).isEqualTo(204);
        assertThat(api().get(path, owner.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void viewersReadAndSearchButChangeNothing() {
        Session owner = api().signup("Knowledge Roles Co");
        Session viewer = new Teams(api()).addMember(owner, "viewer");
        String bot = bot(owner);
        Reply qa = api().post(sources(bot), owner.accessToken(), Map.of("type", "qa", "question", "Q", "answer", "A"));

        assertThat(api().get(sources(bot), viewer.accessToken()).items()).hasSize(1);
        assertThat(api().post(knowledge(bot) + "/search", viewer.accessToken(), Map.of("question", "Q")).status())
                .isEqualTo(200);
        assertThat(api().post(sources(bot), viewer.accessToken(), Map.of("type", "qa", "question", "Q",
                "answer", "A")).status()).isEqualTo(403);
        assertThat(KnowledgeUploads.upload(api(), bot, viewer.accessToken(), "a.md", "a").status()).isEqualTo(403);
        assertThat(api().delete(sources(bot) + "/" + qa.string("id"), viewer.accessToken()).status()).isEqualTo(403);
        assertThat(api().post(sources(bot) + "/" + qa.string("id") + "/reindex", viewer.accessToken(), Map.of())
                .status()).isEqualTo(403);
        assertThat(api().patch(knowledge(bot) + "/settings", viewer.accessToken(), Map.of("enabled", true))
                .status()).isEqualTo(403);
    }

    @Test
    void anotherTenantsBotsAndSourcesAreNotFound() {
        Session ownerA = api().signup("Knowledge A");
        Session ownerB = api().signup("Knowledge B");
        String botA = bot(ownerA);
        String botB = bot(ownerB);
        String sourceA = api().post(sources(botA), ownerA.accessToken(), Map.of("type", "qa", "question", "Q",
                "answer", "A")).string("id");
        String b = ownerB.accessToken();

        List<Reply> replies = List.of(
                api().get(sources(botA), b),
                api().post(sources(botA), b, Map.of("type", "qa", "question", "Q", "answer", "A")),
                KnowledgeUploads.upload(api(), botA, b, "a.md", "a"),
                api().get(sources(botA) + "/" + sourceA, b),
                api().get(sources(botB) + "/" + sourceA, b),
                api().delete(sources(botB) + "/" + sourceA, b),
                api().post(sources(botB) + "/" + sourceA + "/reindex", b, Map.of()),
                api().post(knowledge(botA) + "/search", b, Map.of("question", "Q")),
                api().get(knowledge(botA) + "/settings", b),
                api().patch(knowledge(botA) + "/settings", b, Map.of("enabled", true)),
                api().get(sources("not-a-uuid"), b));

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.text()).isEqualTo(404));
        assertThat(api().get(sources(botA) + "/" + sourceA, ownerA.accessToken()).status()).isEqualTo(200);
    }

    private String bot(Session owner) {
        Reply bot = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Mei"));
        assertThat(bot.status()).as(bot.text()).isEqualTo(201);
        return bot.string("id");
    }

    /** Stands in for the worker's job: the source's chunks, stored as the job stores them. */
    private void indexed(Session owner, String sourceId, String title, String markdown) {
        TenantId tenant = new TenantId(UUID.fromString(owner.tenantId()));
        scope.writeVoid(tenant, () -> assertThat(store.replaceChunks(tenant.value(), UUID.fromString(sourceId), 1,
                title, Chunker.chunk(markdown))).isTrue());
    }

    private static String knowledge(String bot) {
        return "/api/v1/bots/" + bot + "/knowledge";
    }

    private static String sources(String bot) {
        return knowledge(bot) + "/sources";
    }

    private static void assertField(Reply reply, String field) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.text()).contains("\"field\":\"" + field + "\"");
    }
}
