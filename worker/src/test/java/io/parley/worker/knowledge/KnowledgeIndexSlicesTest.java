package io.parley.worker.knowledge;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.account.TenantRepository;
import io.parley.core.knowledge.KnowledgeJob;
import io.parley.core.knowledge.KnowledgeSearch;
import io.parley.core.knowledge.KnowledgeStore;
import io.parley.core.queue.Job;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Indexing in slices (docs/llm.md "Knowledge base"): a job stopped between two slices — a worker shut down or
 * killed — leaves its committed slices, turns keep the old excerpts meanwhile, and the next attempt goes on after
 * the last stored slice instead of starting again.
 */
@MicronautTest(transactional = false)
class KnowledgeIndexSlicesTest implements DatabaseTest {

    private static final int SLICE = 2;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.LinkedHashMap<>(DatabaseTest.super.getProperties());
        properties.put("parley.queue.enabled", "false");
        properties.put("parley.knowledge.indexing-slice", Integer.toString(SLICE));
        // each pause lasts 100× its slice: a stop requested right after the first slice lands in its pause
        properties.put("parley.knowledge.indexing-pause-ratio", "100");
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

    @BeforeAll
    void aTenantWithABot() {
        scope.writeVoid(tenant, () -> {
            tenants.insert(tenant.value(), "Slices tenant");
            sql("INSERT INTO bots (tenant_id, id, name) VALUES (?, ?, 'Bot')", tenant.value(), bot);
        });
    }

    @Test
    void aReindexStoppedBetweenSlicesKeepsTheOldExcerptsAndResumesAfterItsLastStoredSlice() throws Exception {
        UUID source = Ids.next();
        byte[] old = "# Opening hours\nThe shop opens at nine.".getBytes(StandardCharsets.UTF_8);
        scope.writeVoid(tenant, () -> {
            store.insert(tenant.value(), source, bot, "file", "Guide", null, null, "guide.md", "text/markdown", old,
                    null, old.length);
            store.replaceChunks(tenant.value(), source, 1, null, store.content(tenant.value(), source, 1)
                    .map(content -> io.parley.core.knowledge.Chunker.chunk(new String(content.bytes(),
                            StandardCharsets.UTF_8))).orElseThrow());
            sql("UPDATE knowledge_sources SET content = ? WHERE tenant_id = ? AND id = ?", handbook(),
                    tenant.value(), source);
        });
        int generation = scope.write(tenant, () -> store.reindex(tenant.value(), bot, source)).orElseThrow();

        Thread first = stoppedAfterItsFirstSlice(source, generation);
        List<UUID> kept = chunkIds(source, generation);

        assertThat(first.isAlive()).isFalse();
        assertThat(kept).as("one slice stored, then stopped in the pause").hasSize(SLICE);
        assertThat(best("opening hours").text()).as("turns still read the old generation")
                .isEqualTo("The shop opens at nine.");

        handler.run(job(source, generation, 2));

        List<UUID> all = chunkIds(source, generation);
        assertThat(all).hasSize(8).startsWith(kept.toArray(UUID[]::new)); // the first slice was not written again
        assertThat(scope.read(tenant, () -> store.find(tenant.value(), bot, source)).orElseThrow().status())
                .isEqualTo("ready");
        assertThat(best("section seven").heading()).isEqualTo("Section seven");
        assertThat(scope.read(tenant, () -> search.search(tenant.value(), bot, "opens nine", 5, 0)))
                .as("the replaced generation is gone").isEmpty();
        assertThat(count("SELECT count(*) FROM knowledge_chunks WHERE tenant_id = ? AND source_id = ?", source))
                .isEqualTo(8);
    }

    /** Runs the job on its own thread and interrupts it (a worker's shutdown) once its first slice is stored. */
    private Thread stoppedAfterItsFirstSlice(UUID source, int generation) throws InterruptedException {
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread job = Thread.ofVirtual().start(() -> {
            try {
                handler.run(job(source, generation, 1));
            } catch (Throwable e) {
                ended.set(e);
            }
        });
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (chunkIds(source, generation).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        job.interrupt();
        job.join(30_000);
        assertThat(ended.get()).isInstanceOf(InterruptedException.class);
        return job;
    }

    /** Eight sections, each one chunk. */
    private static byte[] handbook() {
        String[] names = {"one", "two", "three", "four", "five", "six", "seven", "eight"};
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            text.append("# Section ").append(name).append("\nWhat section ").append(name).append(" says.\n\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<UUID> chunkIds(UUID source, int generation) {
        return scope.read(tenant, () -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement select = dataSource.getConnection().prepareStatement("SELECT id FROM "
                    + "knowledge_chunks WHERE tenant_id = ? AND source_id = ? AND generation = ? ORDER BY seq")) {
                select.setObject(1, tenant.value());
                select.setObject(2, source);
                select.setInt(3, generation);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return ids;
        });
    }

    private long count(String sql, UUID source) {
        return scope.read(tenant, () -> {
            try (PreparedStatement select = dataSource.getConnection().prepareStatement(sql)) {
                select.setObject(1, tenant.value());
                select.setObject(2, source);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private KnowledgeSearch.Hit best(String question) {
        List<KnowledgeSearch.Hit> hits = scope.read(tenant, () -> search.search(tenant.value(), bot, question, 1, 0));
        assertThat(hits).as("hits for " + question).isNotEmpty();
        return hits.getFirst();
    }

    private Job job(UUID source, int generation, int attempt) {
        return new Job(1, tenant, KnowledgeJob.KIND, KnowledgeJob.request(source, generation).argsJson(), attempt, 3);
    }

    private void sql(String statement, Object... parameters) {
        try (PreparedStatement prepared = dataSource.getConnection().prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            prepared.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
