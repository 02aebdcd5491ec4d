package io.parley.core.contact.imports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * CSV imports of contacts and their staged rows (docs/contacts.md "Importing"). Rows are staged in batches as the
 * upload is read and upserted by the {@code contacts.import} job one chunk at a time, by set-based statements (a
 * chunk of 1,000 rows is two statements, not 2,000). Every method runs inside a
 * {@link io.parley.core.tenancy.TenantScope}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ContactImportRepository extends GenericRepository<ContactImportRow, UUID> {

    /** Row errors kept per import (the count of invalid rows is always exact). */
    int MAX_ERRORS = 100;

    String COLUMNS = "tenant_id, id, state, file_name, total_rows, valid_rows, invalid_rows, processed_rows, cursor_seq, "
            + "created_count, updated_count, CAST(errors AS text) AS errors, created_at, finished_at";

    @Query("""
            INSERT INTO contact_imports (tenant_id, id, state, file_name, total_rows, valid_rows)
            VALUES (:tenantId, :id, 'queued', :fileName, 0, 0)""")
    void insert(UUID tenantId, UUID id, @Nullable String fileName);

    /**
     * Stages a batch of valid rows: {@code rowsJson} is a JSON array of
     * {@code {seq, line, channel_id, external_user_id, display_name, tier, tags, attributes, new_contact_id,
     * new_identity_id}} with no identity twice; a row for an identity staged by an earlier batch replaces it.
     */
    @Query("""
            INSERT INTO contact_import_rows AS s (tenant_id, import_id, seq, line, channel_id, external_user_id,
                display_name, tier, tags, attributes, new_contact_id, new_identity_id)
            SELECT :tenantId, :importId, r.seq, r.line, r.channel_id, r.external_user_id, r.display_name, r.tier,
                CASE WHEN r.tags IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(r.tags)) END,
                COALESCE(r.attributes, CAST('{}' AS jsonb)), r.new_contact_id, r.new_identity_id
            FROM jsonb_to_recordset(CAST(:rowsJson AS jsonb)) AS r(seq integer, line integer, channel_id uuid,
                external_user_id text, display_name text, tier text, tags jsonb, attributes jsonb,
                new_contact_id uuid, new_identity_id uuid)
            ON CONFLICT (tenant_id, import_id, channel_id, external_user_id) DO UPDATE
                SET line = EXCLUDED.line, display_name = EXCLUDED.display_name, tier = EXCLUDED.tier,
                    tags = EXCLUDED.tags, attributes = EXCLUDED.attributes""")
    void stage(UUID tenantId, UUID importId, String rowsJson);

    /** After the upload was read: the counts, the first row errors and whether the job may start. */
    @Query("""
            UPDATE contact_imports SET total_rows = :totalRows, invalid_rows = :invalidRows,
                valid_rows = (SELECT count(*) FROM contact_import_rows WHERE tenant_id = :tenantId AND import_id = :id),
                errors = CAST(:errorsJson AS jsonb)
            WHERE tenant_id = :tenantId AND id = :id""")
    void staged(UUID tenantId, UUID id, int totalRows, int invalidRows, String errorsJson);

    @Query("SELECT " + COLUMNS + " FROM contact_imports WHERE tenant_id = :tenantId AND id = :id")
    Optional<ContactImportRow> find(UUID tenantId, UUID id);

    /** The job's read: one chunk at a time, also when a lost lease lets a second attempt start beside the first. */
    @Query("SELECT " + COLUMNS + " FROM contact_imports WHERE tenant_id = :tenantId AND id = :id FOR UPDATE")
    Optional<ContactImportRow> lock(UUID tenantId, UUID id);

    @Query("SELECT " + COLUMNS + " FROM contact_imports WHERE tenant_id = :tenantId AND id < :beforeId "
            + "ORDER BY id DESC LIMIT :limit")
    List<ContactImportRow> page(UUID tenantId, UUID beforeId, int limit);

    /** The last seq of the next chunk after {@code afterSeq}; 0 when no row is left. */
    @Query("""
            SELECT COALESCE(max(seq), 0) FROM (SELECT seq FROM contact_import_rows
                WHERE tenant_id = :tenantId AND import_id = :id AND seq > :afterSeq ORDER BY seq LIMIT :size) chunk""")
    int chunkEnd(UUID tenantId, UUID id, int afterSeq, int size);

    /**
     * Updates the contacts whose identity exists: a cell left empty keeps the contact's value, attributes merge key
     * by key, tags (when the column has a value) replace. A row whose merged attributes would pass the limits of
     * {@link io.parley.core.contact.ContactAttributes} (50 keys, 16 KB) is not applied. Returns the seqs applied.
     */
    @Query("""
            WITH applied AS (
            UPDATE contacts c SET display_name = COALESCE(r.display_name, c.display_name),
                tier = COALESCE(r.tier, c.tier), tags = COALESCE(r.tags, c.tags),
                attributes = c.attributes || r.attributes, updated_at = now()
            FROM contact_import_rows r
            JOIN contact_identities ci ON ci.tenant_id = r.tenant_id AND ci.channel_id = r.channel_id
                AND ci.external_user_id = r.external_user_id
            WHERE r.tenant_id = :tenantId AND r.import_id = :id AND r.seq > :afterSeq AND r.seq <= :lastSeq
              AND c.tenant_id = ci.tenant_id AND c.id = ci.contact_id
              AND (SELECT count(*) FROM jsonb_object_keys(c.attributes || r.attributes)) <= 50
              AND octet_length(CAST(c.attributes || r.attributes AS text)) <= 16384
            RETURNING r.seq)
            SELECT seq FROM applied""")
    List<Integer> updateExisting(UUID tenantId, UUID id, int afterSeq, int lastSeq);

    /**
     * Creates a contact with its identity for every row of the chunk whose identity does not exist; returns their
     * seqs. One statement, as in {@code ContactRepository.upsert}: an identity created meanwhile by an incoming
     * message is left alone (ON CONFLICT DO NOTHING) and its row is reported.
     */
    @Query("""
            WITH fresh AS (
                SELECT r.* FROM contact_import_rows r
                WHERE r.tenant_id = :tenantId AND r.import_id = :id AND r.seq > :afterSeq AND r.seq <= :lastSeq
                  AND NOT EXISTS (SELECT 1 FROM contact_identities ci WHERE ci.tenant_id = r.tenant_id
                      AND ci.channel_id = r.channel_id AND ci.external_user_id = r.external_user_id)
            ), identity AS (
                INSERT INTO contact_identities (tenant_id, id, contact_id, channel_id, external_user_id)
                SELECT tenant_id, new_identity_id, new_contact_id, channel_id, external_user_id FROM fresh
                ON CONFLICT (tenant_id, channel_id, external_user_id) DO NOTHING
                RETURNING contact_id
            ), created AS (
                INSERT INTO contacts (tenant_id, id, display_name, attributes, tier, tags)
                SELECT f.tenant_id, f.new_contact_id, f.display_name, f.attributes, COALESCE(f.tier, 'free'),
                    COALESCE(f.tags, CAST('{}' AS text[]))
                FROM fresh f JOIN identity i ON i.contact_id = f.new_contact_id
                RETURNING id
            )
            SELECT f.seq FROM fresh f JOIN created c ON c.id = f.new_contact_id""")
    List<Integer> createNew(UUID tenantId, UUID id, int afterSeq, int lastSeq);

    /** The lines of a chunk's rows, for the seqs that were neither updated nor created. */
    @Query("""
            SELECT line FROM contact_import_rows WHERE tenant_id = :tenantId AND import_id = :id
              AND seq > :afterSeq AND seq <= :lastSeq
              AND seq NOT IN (SELECT CAST(jsonb_array_elements_text(CAST(:doneJson AS jsonb)) AS integer))
            ORDER BY seq""")
    List<Integer> linesNotDone(UUID tenantId, UUID id, int afterSeq, int lastSeq, String doneJson);

    /** A chunk done: progress, counts and cursor move together with the chunk's writes. */
    @Query("""
            UPDATE contact_imports SET state = 'running', cursor_seq = :lastSeq,
                processed_rows = processed_rows + :processed, created_count = created_count + :created,
                updated_count = updated_count + :updated,
                errors = CASE WHEN jsonb_array_length(errors) >= 100 THEN errors
                              ELSE errors || CAST(:errorsJson AS jsonb) END
            WHERE tenant_id = :tenantId AND id = :id""")
    void advance(UUID tenantId, UUID id, int lastSeq, int processed, int created, int updated, String errorsJson);

    @Query("""
            UPDATE contact_imports SET state = :state, finished_at = now()
            WHERE tenant_id = :tenantId AND id = :id""")
    int finish(UUID tenantId, UUID id, String state);

    /** At the end the staged rows go: they hold personal data and are no longer needed. */
    @Query("DELETE FROM contact_import_rows WHERE tenant_id = :tenantId AND import_id = :id")
    int deleteStaged(UUID tenantId, UUID id);
}
