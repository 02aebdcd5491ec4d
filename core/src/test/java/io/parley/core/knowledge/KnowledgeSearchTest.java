package io.parley.core.knowledge;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.account.TenantRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Retrieval on real PostgreSQL: words, Chinese bigrams, the score threshold and tenant isolation. */
@MicronautTest(transactional = false)
class KnowledgeSearchTest implements DatabaseTest {

    @Inject
    TenantScope scope;
    @Inject
    TenantRepository tenants;
    @Inject
    KnowledgeStore store;
    @Inject
    KnowledgeSearch search;
    @Inject
    DataSource dataSource;

    private final TenantId tenant = new TenantId(Ids.next());
    private final UUID chineseBot = Ids.next();
    private final TenantId other = new TenantId(Ids.next());
    private final UUID bot = Ids.next();
    private final UUID otherBot = Ids.next();

    @BeforeAll
    void twoTenantsWithIndexedDocuments() {
        index(tenant, bot, """
                # Opening hours
                The shop opens Monday to Friday from 9:00 to 18:00.

                # Refunds
                What are the rules? The refund is paid within 30 days of the return, and the receipt is needed.

                # 營業時間
                本店的營業時間是週一至週五上午九點到下午六點，週末公休。
                """);
        index(tenant, chineseBot, """
                # 營業時間
                本店的營業時間是週一至週五上午九點到下午六點，週末公休。

                # 退貨
                退貨須於七日內辦理，請保留發票。

                # 會員
                會員點數可折抵消費，點數一年內有效。

                # Delivery 宅配
                Parcels arrive in three days. 宅配約需三個工作天。
                """, false);
        index(other, otherBot, "# Secret pricing\nThe partner discount code is ORCHID-77 and opening hours are 24/7.");
    }

    @Test
    void findsTheChunkThatAnswersAnEnglishQuestionFirstIgnoringStopWords() {
        List<KnowledgeSearch.Hit> hits = scope.read(tenant, () ->
                search.search(tenant.value(), bot, "What are your opening hours?", 3, 0));

        assertThat(hits).isNotEmpty();
        assertThat(hits.getFirst().heading()).isEqualTo("Opening hours");
        assertThat(hits.getFirst().score()).isEqualTo(1.0);
        assertThat(hits.getFirst().title()).isEqualTo("Shop guide");
    }

    @Test
    void findsTraditionalChineseContentByAChineseQuestion() {
        List<KnowledgeSearch.Hit> hits = scope.read(tenant, () ->
                search.search(tenant.value(), bot, "請問營業時間是幾點？", 3, 0));

        assertThat(hits).isNotEmpty();
        assertThat(hits.getFirst().heading()).isEqualTo("營業時間");
        assertThat(hits.getFirst().text()).contains("上午九點到下午六點");
    }

    @Test
    void scoresChineseQuestionsByTheShareOfTheirBigramsEachChunkHoldsWithTiesInDocumentOrder() {
        // the hits and scores of V186's bigram arrays, kept by V207's bigram tsvector (bench/README.md)
        assertThat(hits("週末有營業嗎？")).containsExactly("營業時間 0.40"); // 週末 營業 of 5 bigrams
        assertThat(hits("發票和點數")).containsExactly("退貨 0.25", "會員 0.25"); // 發票 | 點數 of 4
        assertThat(hits("delivery 宅配 days")).containsExactly("Delivery 宅配 1.00"); // 2 words + 1 bigram
        assertThat(hits("請問營業時間")).containsExactly("營業時間 0.60"); // 營業 業時 時間 of 5
    }

    private List<String> hits(String question) {
        return scope.read(tenant, () -> search.search(tenant.value(), chineseBot, question, 5, 0)).stream()
                .map(hit -> hit.heading() + String.format(java.util.Locale.ROOT, " %.2f", hit.score())).toList();
    }

    @Test
    void leavesOutChunksBelowTheMinimumScore() {
        String question = "refund receipt hours"; // refunds: 2 of 3 terms, opening hours: 1 of 3
        List<KnowledgeSearch.Hit> all = scope.read(tenant, () -> search.search(tenant.value(), bot, question, 5, 0));
        List<KnowledgeSearch.Hit> strict = scope.read(tenant, () ->
                search.search(tenant.value(), bot, question, 5, 0.5));

        assertThat(all).hasSizeGreaterThan(1);
        assertThat(all).anySatisfy(hit -> assertThat(hit.score()).isLessThan(0.5));
        assertThat(strict).isNotEmpty().allSatisfy(hit -> assertThat(hit.score()).isGreaterThanOrEqualTo(0.5));
    }

    @Test
    void neverReturnsAnotherTenantsChunksEvenForTheirBotId() {
        List<KnowledgeSearch.Hit> hits = scope.read(tenant, () ->
                search.search(tenant.value(), otherBot, "partner discount code", 5, 0));
        List<KnowledgeSearch.Hit> theirs = scope.read(other, () ->
                search.search(other.value(), otherBot, "partner discount code", 5, 0));

        assertThat(hits).isEmpty();
        assertThat(theirs).extracting(KnowledgeSearch.Hit::text).anySatisfy(text ->
                assertThat(text).contains("ORCHID-77"));
    }

    @Test
    void answersNothingForAQuestionOfOnlyStopWordsAndPunctuation() {
        assertThat(scope.read(tenant, () -> search.search(tenant.value(), bot, "what is the ?", 5, 0))).isEmpty();
    }

    private void index(TenantId owner, UUID botId, String text) {
        index(owner, botId, text, true);
    }

    private void index(TenantId owner, UUID botId, String text, boolean newTenant) {
        UUID source = Ids.next();
        scope.writeVoid(owner, () -> {
            if (newTenant) {
                tenants.insert(owner.value(), "Knowledge tenant");
            }
            sql("INSERT INTO bots (tenant_id, id, name) VALUES (?, ?, 'Bot')", owner.value(), botId);
            byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            store.insert(owner.value(), source, botId, "file", "Shop guide", null, null, "guide.md", "text/markdown",
                    bytes, null, bytes.length);
            assertThat(store.replaceChunks(owner.value(), source, 1, null, Chunker.chunk(text))).isTrue();
        });
    }

    private void sql(String statement, Object... parameters) {
        try (PreparedStatement prepared = dataSource.getConnection().prepareStatement(statement)) {
            KnowledgeStore.bind(prepared, parameters);
            prepared.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
