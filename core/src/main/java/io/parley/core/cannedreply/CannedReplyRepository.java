package io.parley.core.cannedreply;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tenant's canned replies (V175), inserted with /shortcut in the inbox. Call inside the tenant's scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CannedReplyRepository extends GenericRepository<CannedReplyRepository.CannedReplyRow, UUID> {

    /** 1 when inserted, 0 when the tenant has a canned reply with this shortcut already. */
    @Query("INSERT INTO canned_replies (tenant_id, id, shortcut, text) VALUES (:tenantId, :id, :shortcut, :text) "
            + "ON CONFLICT (tenant_id, shortcut) DO NOTHING")
    int insert(UUID tenantId, UUID id, String shortcut, String text);

    @Query("SELECT * FROM canned_replies WHERE tenant_id = :tenantId AND id = :id")
    Optional<CannedReplyRow> find(UUID tenantId, UUID id);

    @Query("SELECT * FROM canned_replies WHERE tenant_id = :tenantId AND id = :id FOR UPDATE")
    Optional<CannedReplyRow> lock(UUID tenantId, UUID id);

    @Query("SELECT * FROM canned_replies WHERE tenant_id = :tenantId AND shortcut = :shortcut")
    Optional<CannedReplyRow> findByShortcut(UUID tenantId, String shortcut);

    /** By shortcut, after {@code afterShortcut} (the empty string for the start). */
    @Query("SELECT * FROM canned_replies WHERE tenant_id = :tenantId AND shortcut > :afterShortcut "
            + "ORDER BY shortcut LIMIT :limit")
    List<CannedReplyRow> page(UUID tenantId, String afterShortcut, int limit);

    @Query("UPDATE canned_replies SET shortcut = :shortcut, text = :text, updated_at = now() "
            + "WHERE tenant_id = :tenantId AND id = :id")
    int update(UUID tenantId, UUID id, String shortcut, String text);

    @Query("DELETE FROM canned_replies WHERE tenant_id = :tenantId AND id = :id")
    int delete(UUID tenantId, UUID id);

    /** A saved answer; {@code shortcut} is lower-case letters, digits, _ and -, up to 32. */
    @MappedEntity("canned_replies")
    record CannedReplyRow(UUID tenantId, @Id UUID id, String shortcut, String text, Instant createdAt,
                          Instant updatedAt) {

        @Override
        public String toString() {
            return "CannedReplyRow[" + shortcut + "]";
        }
    }
}
