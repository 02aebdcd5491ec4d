package io.parley.worker.knowledge;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.account.TenantRepository;
import io.parley.core.knowledge.KnowledgeJob;
import io.parley.core.knowledge.KnowledgeSearch;
import io.parley.core.knowledge.KnowledgeSource;
import io.parley.core.knowledge.KnowledgeStore;
import io.parley.core.queue.Job;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexing job on real PostgreSQL: each kind of source becomes chunks a question finds, or a failed source
 * with a reason. Web pages come from a local server (private addresses are allowed for this test only).
 */
@MicronautTest(transactional = false)
class KnowledgeIndexHandlerTest implements DatabaseTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.LinkedHashMap<>(DatabaseTest.super.getProperties());
        properties.put("parley.queue.enabled", "false");
        properties.put("parley.knowledge.allow-private-addresses", "true");
        properties.put("parley.knowledge.max-chunks", "50");
        return properties;
    }

    @Inject
    TenantScope scope;
    @Inject
    TenantRepository tenants;
    @Inject
    KnowledgeStore store;
    @Inject
    KnowledgeSearch search;
    @Inject
    KnowledgeIndexHandler handler;
    @Inject
    DataSource dataSource;

    private final TenantId tenant = new TenantId(Ids.next());
    private final UUID bot = Ids.next();
    private HttpServer site;

    @BeforeAll
    void aTenantWithABotAndAWebSite() throws IOException {
        scope.writeVoid(tenant, () -> {
            tenants.insert(tenant.value(), "Indexing tenant");
            try (PreparedStatement insert = dataSource.getConnection().prepareStatement(
                    "INSERT INTO bots (tenant_id, id, name) VALUES (?, ?, 'Bot')")) {
                insert.setObject(1, tenant.value());
                insert.setObject(2, bot);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/faq", exchange -> {
            byte[] page = """
                    <html><head><title>Delivery FAQ</title><script>var secret = 1;</script></head><body>
                    <nav>Home | Shop</nav>
                    <h1>Delivery</h1><p>Parcels to Kaohsiung arrive within two working days.</p>
                    <h2>運費</h2><p>訂單滿一千元免運費。</p></body></html>""".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        site.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/faq");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        site.createContext("/image", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, 4);
            exchange.getResponseBody().write(new byte[] {1, 2, 3, 4});
            exchange.close();
        });
        site.start();
    }

    @AfterAll
    void stopTheSite() {
        site.stop(0);
    }

    @Test
    void aMarkdownFileIsCutAtItsHeadings() {
        KnowledgeSource source = index(file("guide.md", "text/markdown",
                "# Opening hours\nNine to six on weekdays.\n\n# Refunds\nWithin thirty days.".getBytes(
                        StandardCharsets.UTF_8)));

        assertThat(source.status()).isEqualTo("ready");
        assertThat(source.chunkCount()).isEqualTo(2);
        assertThat(best("When do refunds happen?").heading()).isEqualTo("Refunds");
    }

    @Test
    void aPdfIsReadWithPdfBox() throws IOException {
        KnowledgeSource source = index(file("policy.pdf", "application/pdf",
                pdf("Warranty: every kettle is covered for twenty-four months.")));

        assertThat(source.status()).as(String.valueOf(source.error())).isEqualTo("ready");
        assertThat(best("kettle warranty months").text()).contains("covered for twenty-four months");
    }

    @Test
    void aDocxIsReadWithPoi() throws IOException {
        KnowledgeSource source = index(file("terms.docx", SourceText.DOCX,
                docx("Loyalty points expire after eighteen months.")));

        assertThat(source.status()).as(String.valueOf(source.error())).isEqualTo("ready");
        assertThat(best("loyalty points expire").text()).contains("eighteen months");
    }

    @Test
    void aWebPageIsFetchedThroughItsRedirectAndReadAsTextWithItsTitleAndHeadings() {
        KnowledgeSource source = index(url(site("/moved")));

        assertThat(source.status()).as(String.valueOf(source.error())).isEqualTo("ready");
        assertThat(source.title()).isEqualTo("Delivery FAQ");
        KnowledgeSearch.Hit hit = best("免運費嗎");
        assertThat(hit.heading()).isEqualTo("Delivery › 運費");
        assertThat(hit.text()).isEqualTo("訂單滿一千元免運費。");
        assertThat(best("parcels Kaohsiung").text()).doesNotContain("secret", "Home | Shop");
    }

    @Test
    void aSourceThatCannotBeReadFailsWithAReasonMembersCanActOn() {
        KnowledgeSource latin1 = index(file("old.txt", "text/plain", new byte[] {'c', 'a', 'f', (byte) 0xe9}));
        KnowledgeSource image = index(url(site("/image")));
        KnowledgeSource tooLarge = index(file("big.md", "text/markdown",
                "A paragraph of text that goes on.\n\n".repeat(2000).getBytes(StandardCharsets.UTF_8)));

        assertThat(latin1.status()).isEqualTo("failed");
        assertThat(latin1.error()).isEqualTo("The file is not UTF-8 text.");
        assertThat(image.error()).isEqualTo("The address is not a web page (image/png).");
        assertThat(tooLarge.error()).startsWith("It is too large:").endsWith("at most 50.");
    }

    @Test
    void aJobOfAnOlderGenerationDoesNothing() throws Exception {
        UUID id = file("guide.md", "text/markdown", "# Old\nOld text.".getBytes(StandardCharsets.UTF_8));
        scope.writeVoid(tenant, () -> store.reindex(tenant.value(), bot, id));

        handler.run(job(id, 1));

        KnowledgeSource source = find(id);
        assertThat(source.status()).isEqualTo("pending");
        assertThat(source.chunkCount()).isZero();
    }

    private UUID file(String name, String mediaType, byte[] bytes) {
        UUID id = Ids.next();
        scope.writeVoid(tenant, () -> store.insert(tenant.value(), id, bot, "file", name, null, null, name, mediaType,
                bytes, null, bytes.length));
        return id;
    }

    private UUID url(String address) {
        UUID id = Ids.next();
        scope.writeVoid(tenant, () -> store.insert(tenant.value(), id, bot, "url", address, null, null, null, null,
                null, address, address.length()));
        return id;
    }

    private KnowledgeSource index(UUID id) {
        try {
            handler.run(job(id, 1));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return find(id);
    }

    private KnowledgeSource find(UUID id) {
        return scope.read(tenant, () -> store.find(tenant.value(), bot, id)).orElseThrow();
    }

    private Job job(UUID id, int generation) {
        return new Job(1, tenant, KnowledgeJob.KIND, KnowledgeJob.request(id, generation).argsJson(), 1, 3);
    }

    private KnowledgeSearch.Hit best(String question) {
        List<KnowledgeSearch.Hit> hits = scope.read(tenant, () -> search.search(tenant.value(), bot, question, 1, 0));
        assertThat(hits).as("hits for " + question).isNotEmpty();
        return hits.getFirst();
    }

    private String site(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    private static byte[] pdf(String line) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(line);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] docx(String paragraph) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(paragraph);
            document.write(out);
            return out.toByteArray();
        }
    }
}
