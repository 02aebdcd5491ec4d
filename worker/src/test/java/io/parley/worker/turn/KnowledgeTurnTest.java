package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.knowledge.KnowledgeJob;
import io.parley.core.knowledge.KnowledgeSearch;
import io.parley.core.knowledge.KnowledgeSettingsCache;
import io.parley.core.knowledge.KnowledgeStore;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobHandler;
import io.parley.core.tenancy.Ids;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge base in a turn: documents indexed by the worker's job are retrieved for the contact's question and
 * reach the LLM as numbered excerpts — asserted on the request body the fake LLM receives.
 */
@MicronautTest(transactional = false)
class KnowledgeTurnTest extends TurnTest {

    private static final String GUIDE = """
            # Opening hours
            The shop opens Monday to Friday from 9:00 to 18:00, and on Saturday from 10:00 to 14:00.

            # Refunds
            A refund is paid within 30 days of the return; bring the receipt.
            """;
    private static final String GUIDE_ZH = """
            # 營業時間
            本店的營業時間是週一至週五上午九點到下午六點，週末公休。

            # 退款
            退貨後三十天內退款，請攜帶收據。
            """;

    private final FakeLlm llm = new FakeLlm();

    @Inject
    KnowledgeStore store;
    @Inject
    KnowledgeSearch search;
    @Inject
    KnowledgeSettingsCache settingsCache;
    @Inject
    List<JobHandler> handlers;

    @AfterAll
    void stopTheFake() {
        llm.close();
    }

    @Test
    void theChunkThatAnswersTheQuestionIsInThePromptWithItsReferenceAndTheInstructionToCite() {
        World world = botWithDocument("web", true, 4, "Shop guide", GUIDE);

        String system = systemPromptFor(world, "When are you open on Saturday?");

        assertThat(system).contains("cite it by its number in square brackets", "<knowledge>\n[1] Shop guide › "
                + "Opening hours\nThe shop opens Monday to Friday from 9:00 to 18:00, and on Saturday", "</knowledge>")
                .doesNotContain("refund");
    }

    @Test
    void aTraditionalChineseDocumentIsFoundByAChineseQuestion() {
        World world = botWithDocument("line", true, 1, "門市指南", GUIDE_ZH);

        String system = systemPromptFor(world, "請問你們的營業時間？");

        assertThat(system).contains("[1] 門市指南 › 營業時間\n本店的營業時間是週一至週五上午九點到下午六點").doesNotContain("退款");
    }

    @Test
    void aBotWithItsKnowledgeBaseOffGetsNoExcerpts() {
        World world = botWithDocument("web", false, 4, "Shop guide", GUIDE);

        assertThat(systemPromptFor(world, "When are you open on Saturday?")).doesNotContain("<knowledge>", "9:00");
    }

    @Test
    void turningTheKnowledgeBaseOffReachesTheCachedSettingsOfTheNextTurn() throws InterruptedException {
        World world = botWithDocument("web", true, 4, "Shop guide", GUIDE);
        assertThat(systemPromptFor(world, "When are you open on Saturday?")).contains("<knowledge>");

        scope.writeVoid(world.tenant(), () -> search.save(world.tenant().value(), world.bot(),
                new KnowledgeSearch.Settings(false, 4, 0)));
        long deadline = System.nanoTime() + 5_000_000_000L; // NOTIFY parley_config arrives after the commit
        while (settingsCache.get(world.tenant(), world.bot()).enabled() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(systemPromptFor(world, "When are you open on Saturday?")).doesNotContain("<knowledge>");
    }

    @Test
    void topKBoundsHowManyExcerptsArePutIntoThePrompt() {
        World world = botWithDocument("web", true, 1, "Shop guide", GUIDE);

        String system = systemPromptFor(world, "opening hours and refunds");

        assertThat(system).contains("[1] ").doesNotContain("[2] ");
    }

    @Test
    void anotherTenantsDocumentsAreNeverRetrieved() {
        World theirs = botWithDocument("web", true, 4, "Partner sheet",
                "# Discounts\nThe partner discount code is ORCHID-77.");
        World ours = botWithDocument("web", true, 4, "Shop guide", GUIDE);

        String system = systemPromptFor(ours, "What is the partner discount code?");

        assertThat(system).doesNotContain("ORCHID-77", "<knowledge>");
    }

    private String systemPromptFor(World world, String question) {
        int before = llm.calls().size();
        say(world, "U-" + UUID.randomUUID(), question);
        assertThat(llm.calls()).hasSize(before + 1);
        return String.valueOf(promptOf(llm.calls().get(before)).getFirst().get("content"));
    }

    /** A new tenant's bot on the fake LLM with these knowledge settings and one indexed Markdown document. */
    private World botWithDocument(String channel, boolean enabled, int topK, String title, String markdown) {
        World world = world(BotSpec.llm(llm), channel);
        scope.writeVoid(world.tenant(), () -> search.save(world.tenant().value(), world.bot(),
                new KnowledgeSearch.Settings(enabled, topK, 0)));
        index(world, title, markdown);
        return world;
    }

    /** Stores a Markdown file source and runs its indexing job as the worker would. */
    private void index(World world, String title, String markdown) {
        UUID source = Ids.next();
        byte[] bytes = markdown.getBytes(StandardCharsets.UTF_8);
        scope.writeVoid(world.tenant(), () -> store.insert(world.tenant().value(), source, world.bot(), "file", title,
                null, null, "guide.md", "text/markdown", bytes, null, bytes.length));
        JobHandler indexer = handlers.stream().filter(h -> h.kind().equals(KnowledgeJob.KIND)).findFirst()
                .orElseThrow();
        try {
            indexer.run(new Job(1, world.tenant(), KnowledgeJob.KIND,
                    KnowledgeJob.request(source, 1).argsJson(), 1, 3));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(scope.read(world.tenant(), () -> store.find(world.tenant().value(), world.bot(), source))
                .orElseThrow().status()).isEqualTo("ready");
    }
}
