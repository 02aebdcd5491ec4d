package io.parley.core.knowledge;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Finds a bot's chunks for a question, and reads/writes the bot's knowledge settings (V186). Runs in the caller's
 * tenant transaction; every statement names the tenant and the bot, and row-level security keeps any other tenant's
 * chunks out even if a statement forgot to.
 *
 * <p>Score: the share of the question's terms the chunk contains — its words (English stop words dropped) plus the
 * bigrams of its Chinese/Japanese/Korean runs — from 0 to 1; ties go to the higher {@code ts_rank}. A chunk is a
 * candidate when it shares a word (GIN on {@code words}) or a bigram (GIN on {@code grams}, V207) with the question.
 * Only the generation of chunks its source publishes is read (slices of a newer one are being written).
 *
 * <p>Every candidate is scored, so the per-chunk cost matters: a 5 MB handbook is ~8,000 chunks, most of them
 * candidates for a common word or bigram. The terms a chunk shares are counted as
 * {@code length(v) - length(ts_delete(v, terms))} (a lookup per term) on both tsvectors rather than by unnesting the
 * chunk's words or bigrams into a set intersection (5–10× slower there, bench/README.md "Knowledge indexing").
 */
@Singleton
public class KnowledgeSearch {

    private static final String SEARCH = """
            WITH q AS (SELECT tsvector_to_array(to_tsvector('parley_question_words', ?)) AS terms,
                              CAST(? AS text[]) AS grams, CAST(? AS tsquery) AS gram_query),
                 tq AS (SELECT q.*, websearch_to_tsquery('simple', array_to_string(q.terms, ' or ')) AS query FROM q),
                 scored AS (
                SELECT c.source_id, c.seq, c.heading, c.text, s.title, s.kind, s.url, s.file_name,
                       (length(c.words) - length(ts_delete(c.words, tq.terms))
                        + length(c.grams) - length(ts_delete(c.grams, tq.grams)))::real
                       / greatest(cardinality(tq.terms) + cardinality(tq.grams), 1) AS score,
                       ts_rank(c.words, tq.query) AS rank
                FROM tq, knowledge_chunks c
                JOIN knowledge_sources s ON s.tenant_id = c.tenant_id AND s.id = c.source_id
                                        AND s.chunks_generation = c.generation
                WHERE c.tenant_id = ? AND c.bot_id = ? AND (c.words @@ tq.query OR c.grams @@ tq.gram_query))
            SELECT * FROM scored WHERE score > 0 AND score >= ?
            ORDER BY score DESC, rank DESC, source_id, seq LIMIT ?""";

    private final DataSource dataSource;

    KnowledgeSearch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A retrieved chunk with its source's title (and address or file name) for the reference. */
    public record Hit(UUID sourceId, int seq, @Nullable String heading, String text, String title, String kind,
                      @Nullable String url, @Nullable String fileName, double score) {

        /** "Title › Heading (address)": what the prompt numbers, the model cites and the dashboard shows. */
        public String reference() {
            String reference = title;
            if (heading != null && !heading.equals(title)) {
                reference += " › " + heading;
            }
            if (url != null) {
                reference += " (" + url + ")";
            }
            return reference.replace('\n', ' ');
        }
    }

    /** Whether the bot's turns use its knowledge base, how many chunks and from which score. No row: off. */
    public record Settings(boolean enabled, int topK, double minScore) {
        public static final Settings OFF = new Settings(false, 4, 0);
    }

    /** The best {@code limit} chunks of the bot scoring at least {@code minScore}; none for an empty question. */
    public List<Hit> search(UUID tenant, UUID bot, String question, int limit, double minScore) {
        KnowledgeQuery query = KnowledgeQuery.of(question);
        if (query.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement select = connection().prepareStatement(SEARCH)) {
            select.setString(1, query.words());
            select.setArray(2, connection().createArrayOf("text", query.bigrams().toArray()));
            select.setString(3, gramQuery(query.bigrams()));
            select.setObject(4, tenant);
            select.setObject(5, bot);
            select.setDouble(6, minScore);
            select.setInt(7, limit);
            try (ResultSet rows = select.executeQuery()) {
                List<Hit> hits = new ArrayList<>();
                while (rows.next()) {
                    hits.add(new Hit(rows.getObject("source_id", UUID.class), rows.getInt("seq"),
                            rows.getString("heading"), rows.getString("text"), rows.getString("title"),
                            rows.getString("kind"), rows.getString("url"), rows.getString("file_name"),
                            rows.getDouble("score")));
                }
                return hits;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not search the knowledge base", e);
        }
    }

    /**
     * The question's bigrams as a tsquery matching a chunk holding any of them ({@code '營業' | '業時'}), each
     * quoted as a literal lexeme; null (matches nothing) when it has none.
     */
    static String gramQuery(List<String> bigrams) {
        if (bigrams.isEmpty()) {
            return null;
        }
        StringBuilder query = new StringBuilder();
        for (String gram : bigrams) {
            query.append(query.isEmpty() ? "'" : " | '")
                    .append(gram.replace("\\", "\\\\").replace("'", "''")).append('\'');
        }
        return query.toString();
    }

    public Settings settings(UUID tenant, UUID bot) {
        try (PreparedStatement select = connection().prepareStatement("SELECT enabled, top_k, min_score FROM "
                + "bot_knowledge_settings WHERE tenant_id = ? AND bot_id = ?")) {
            KnowledgeStore.bind(select, tenant, bot);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new Settings(rows.getBoolean(1), rows.getInt(2), rows.getDouble(3))
                        : Settings.OFF;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read knowledge settings", e);
        }
    }

    public void save(UUID tenant, UUID bot, Settings settings) {
        try (PreparedStatement upsert = connection().prepareStatement("""
                INSERT INTO bot_knowledge_settings (tenant_id, bot_id, enabled, top_k, min_score) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, bot_id) DO UPDATE SET enabled = excluded.enabled, top_k = excluded.top_k,
                    min_score = excluded.min_score, updated_at = now()""")) {
            KnowledgeStore.bind(upsert, tenant, bot, settings.enabled(), settings.topK(), (float) settings.minScore());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not save knowledge settings", e);
        }
    }

    private Connection connection() throws SQLException {
        return dataSource.getConnection(); // the transaction's connection: closed by the transaction, not here
    }
}
