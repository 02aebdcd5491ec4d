package io.parley.core.knowledge;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * SQL of knowledge sources and their chunks (V186). Runs on the caller's tenant transaction (the data source is
 * transaction-aware); every statement names the tenant, row-level security is the backstop. Lists never read a
 * file's bytes.
 */
@Singleton
public class KnowledgeStore {

    private static final String COLUMNS = "id, bot_id, kind, title, question, answer, file_name, media_type, url, "
            + "size_bytes, status, error, chunk_count, generation, indexed_at, created_at, updated_at";

    private final DataSource dataSource;

    KnowledgeStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A new source, pending. {@code bytes} only for a file. */
    public void insert(UUID tenant, UUID id, UUID bot, String kind, String title, @Nullable String question,
                       @Nullable String answer, @Nullable String fileName, @Nullable String mediaType,
                       byte @Nullable [] bytes, @Nullable String url, long sizeBytes) {
        update("""
                INSERT INTO knowledge_sources (tenant_id, id, bot_id, kind, title, question, answer, file_name,
                                               media_type, content, url, size_bytes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                tenant, id, bot, kind, title, question, answer, fileName, mediaType, bytes, url, sizeBytes);
    }

    /** Newest first, ids below {@code beforeId}. */
    public List<KnowledgeSource> page(UUID tenant, UUID bot, UUID beforeId, int limit) {
        return query("SELECT " + COLUMNS + " FROM knowledge_sources WHERE tenant_id = ? AND bot_id = ? AND id < ? "
                + "ORDER BY id DESC LIMIT ?", tenant, bot, beforeId, limit);
    }

    public Optional<KnowledgeSource> find(UUID tenant, UUID bot, UUID id) {
        return query("SELECT " + COLUMNS + " FROM knowledge_sources WHERE tenant_id = ? AND bot_id = ? AND id = ?",
                tenant, bot, id).stream().findFirst();
    }

    public int count(UUID tenant, UUID bot) {
        try (PreparedStatement select = prepare("SELECT count(*) FROM knowledge_sources WHERE tenant_id = ? "
                + "AND bot_id = ?", tenant, bot); ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count knowledge sources", e);
        }
    }

    public int delete(UUID tenant, UUID bot, UUID id) {
        return update("DELETE FROM knowledge_sources WHERE tenant_id = ? AND bot_id = ? AND id = ?", tenant, bot, id);
    }

    /** Back to pending under a new generation (which the new job carries); empty when the source is gone. */
    public OptionalInt reindex(UUID tenant, UUID bot, UUID id) {
        try (PreparedStatement update = prepare("""
                UPDATE knowledge_sources SET generation = generation + 1, status = 'pending', error = NULL,
                                             updated_at = now()
                WHERE tenant_id = ? AND bot_id = ? AND id = ? RETURNING generation""", tenant, bot, id);
             ResultSet rows = update.executeQuery()) {
            return rows.next() ? OptionalInt.of(rows.getInt(1)) : OptionalInt.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not re-index a knowledge source", e);
        }
    }

    /** The source with its bytes, if it is still at {@code generation}. */
    public Optional<KnowledgeSource.Content> content(UUID tenant, UUID id, int generation) {
        try (PreparedStatement select = prepare("SELECT " + COLUMNS + ", content FROM knowledge_sources "
                + "WHERE tenant_id = ? AND id = ? AND generation = ?", tenant, id, generation);
             ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(new KnowledgeSource.Content(source(rows), rows.getBytes("content")))
                    : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a knowledge source", e);
        }
    }

    /** pending → indexing; false when the source moved to another generation or is gone. */
    public boolean indexing(UUID tenant, UUID id, int generation) {
        return update("UPDATE knowledge_sources SET status = 'indexing', updated_at = now() WHERE tenant_id = ? "
                + "AND id = ? AND generation = ?", tenant, id, generation) == 1;
    }

    /** Where a job of a source's generation stands: its bot, and how many of its chunks are stored already. */
    public record Progress(UUID bot, int stored) {
    }

    /**
     * Starts (or resumes) writing the chunks of {@code generation}, if the source is still at it: removes the chunks
     * of abandoned generations (neither this one nor the one searched) and tells how many of this generation's chunks
     * a previous attempt stored — slices commit whole and in order, so the job goes on after them.
     */
    public Optional<Progress> startChunks(UUID tenant, UUID id, int generation) {
        Optional<UUID> bot = lock(tenant, id, generation);
        if (bot.isEmpty()) {
            return Optional.empty();
        }
        deleteStaleChunks(tenant, id, generation, Integer.MAX_VALUE);
        try (PreparedStatement select = prepare("SELECT coalesce(max(seq) + 1, 0) FROM knowledge_chunks "
                + "WHERE tenant_id = ? AND source_id = ? AND generation = ?", tenant, id, generation);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return Optional.of(new Progress(bot.get(), rows.getInt(1)));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read knowledge chunks", e);
        }
    }

    /**
     * Stores one slice of {@code generation}'s chunks, numbered from {@code from}, if the source is still at that
     * generation; searches do not see them before {@link #publishChunks}. Committed asynchronously
     * ({@code synchronous_commit = off}): a slice lost by a crash of the database is stored again by the job's next
     * attempt, which starts after the last slice that is there ({@link #startChunks}).
     */
    public boolean storeChunks(UUID tenant, UUID id, int generation, int from, List<Chunker.Chunk> slice) {
        Optional<UUID> bot = lock(tenant, id, generation);
        if (bot.isEmpty()) {
            return false;
        }
        update("SET LOCAL synchronous_commit = off");
        try (PreparedStatement insert = prepare("INSERT INTO knowledge_chunks (tenant_id, id, source_id, bot_id, "
                + "generation, seq, heading, text, grams) VALUES (?, gen_random_uuid(), ?, ?, ?, ?, ?, ?, "
                + "array_to_tsvector(CAST(? AS text[]))) ON CONFLICT DO NOTHING")) {
            int seq = from;
            for (Chunker.Chunk chunk : slice) {
                bind(insert, tenant, id, bot.get(), generation, seq++, chunk.heading(), chunk.text(),
                        insert.getConnection().createArrayOf("text", KnowledgeQuery.bigramsOf(
                                (chunk.heading() == null ? "" : chunk.heading()) + " " + chunk.text()).toArray()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store knowledge chunks", e);
        }
        return true;
    }

    /**
     * Makes {@code generation}'s {@code count} chunks the ones searched and marks the source ready, if it is still
     * at that generation (one short transaction: readers see the old chunks until it commits, never none). The old
     * chunks are left to {@link #deleteStaleChunks}.
     *
     * @param title a new title (a web page's), or null to keep it
     */
    public boolean publishChunks(UUID tenant, UUID id, int generation, @Nullable String title, int count) {
        return update("""
                UPDATE knowledge_sources SET status = 'ready', error = NULL, chunk_count = ?, chunks_generation = ?,
                       title = coalesce(?, title), indexed_at = now(), updated_at = now()
                WHERE tenant_id = ? AND id = ? AND generation = ?""", count, generation, title, tenant, id,
                generation) == 1;
    }

    /**
     * Deletes at most {@code limit} chunks of the source's generations other than {@code generation} and the one
     * searched (abandoned attempts, or the chunks a publish replaced); returns how many.
     */
    public int deleteStaleChunks(UUID tenant, UUID id, int generation, int limit) {
        return update("""
                DELETE FROM knowledge_chunks WHERE tenant_id = ? AND id IN (
                    SELECT c.id FROM knowledge_chunks c JOIN knowledge_sources s
                        ON s.tenant_id = c.tenant_id AND s.id = c.source_id
                    WHERE c.tenant_id = ? AND c.source_id = ? AND c.generation <> ?
                      AND c.generation <> s.chunks_generation
                    LIMIT ?)""", tenant, tenant, id, generation, limit);
    }

    /**
     * Replaces the source's chunks and marks it ready in the caller's one transaction, if it is still at
     * {@code generation} (tests; the indexing job writes slices with pauses between, KnowledgeIndexHandler).
     *
     * @param title a new title (a web page's), or null to keep it
     */
    public boolean replaceChunks(UUID tenant, UUID id, int generation, @Nullable String title,
                                 List<Chunker.Chunk> chunks) {
        Optional<Progress> progress = startChunks(tenant, id, generation);
        if (progress.isEmpty()) {
            return false;
        }
        storeChunks(tenant, id, generation, progress.get().stored(),
                chunks.subList(progress.get().stored(), chunks.size()));
        boolean published = publishChunks(tenant, id, generation, title, chunks.size());
        deleteStaleChunks(tenant, id, generation, Integer.MAX_VALUE);
        return published;
    }

    /** Marks the source failed with a short reason (shown to members), if it is still at {@code generation}. */
    public void fail(UUID tenant, UUID id, int generation, String error) {
        update("UPDATE knowledge_sources SET status = 'failed', error = ?, updated_at = now() WHERE tenant_id = ? "
                + "AND id = ? AND generation = ?", error.length() > 500 ? error.substring(0, 500) : error, tenant, id,
                generation);
    }

    private Optional<UUID> lock(UUID tenant, UUID id, int generation) {
        try (PreparedStatement select = prepare("SELECT bot_id FROM knowledge_sources WHERE tenant_id = ? AND id = ? "
                + "AND generation = ? FOR UPDATE", tenant, id, generation); ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock a knowledge source", e);
        }
    }

    private List<KnowledgeSource> query(String sql, Object... parameters) {
        try (PreparedStatement select = prepare(sql, parameters); ResultSet rows = select.executeQuery()) {
            List<KnowledgeSource> sources = new ArrayList<>();
            while (rows.next()) {
                sources.add(source(rows));
            }
            return sources;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read knowledge sources", e);
        }
    }

    private static KnowledgeSource source(ResultSet rows) throws SQLException {
        Timestamp indexed = rows.getTimestamp("indexed_at");
        return new KnowledgeSource(rows.getObject("id", UUID.class), rows.getObject("bot_id", UUID.class),
                rows.getString("kind"), rows.getString("title"), rows.getString("question"), rows.getString("answer"),
                rows.getString("file_name"), rows.getString("media_type"), rows.getString("url"),
                rows.getLong("size_bytes"), rows.getString("status"), rows.getString("error"),
                rows.getInt("chunk_count"), rows.getInt("generation"), indexed == null ? null : indexed.toInstant(),
                rows.getTimestamp("created_at").toInstant(), rows.getTimestamp("updated_at").toInstant());
    }

    private int update(String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write knowledge sources", e);
        }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection().prepareStatement(sql);
        bind(statement, parameters);
        return statement;
    }

    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private Connection connection() throws SQLException {
        return dataSource.getConnection(); // the transaction's connection: closed by the transaction, not here
    }
}
