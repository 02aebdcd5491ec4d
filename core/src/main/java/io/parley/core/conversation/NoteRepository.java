package io.parley.core.conversation;

import io.micronaut.core.annotation.Nullable;
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

/**
 * Private notes members write in a conversation (V175). Kept apart from {@code messages}, so nothing that reads
 * messages — sending, the LLM's history, the widget — can see them. Call inside the tenant's scope.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface NoteRepository extends GenericRepository<NoteRepository.NoteRow, UUID> {

    @Query("INSERT INTO conversation_notes (tenant_id, id, conversation_id, author_id, text) "
            + "VALUES (:tenantId, :id, :conversationId, :authorId, :text)")
    void insert(UUID tenantId, UUID id, UUID conversationId, @Nullable UUID authorId, String text);

    @Query("SELECT * FROM conversation_notes WHERE tenant_id = :tenantId AND id = :id")
    Optional<NoteRow> find(UUID tenantId, UUID id);

    /** The conversation's notes, oldest first, after {@code afterId} (the zero UUID for the start). */
    @Query("SELECT * FROM conversation_notes WHERE tenant_id = :tenantId AND conversation_id = :conversationId "
            + "AND id > :afterId ORDER BY id LIMIT :limit")
    List<NoteRow> page(UUID tenantId, UUID conversationId, UUID afterId, int limit);

    /** A private note; {@code authorId} is the member who wrote it (null for an API key). */
    @MappedEntity("conversation_notes")
    record NoteRow(UUID tenantId, @Id UUID id, UUID conversationId, @Nullable UUID authorId, String text,
                   Instant createdAt) {

        @Override
        public String toString() {
            return "NoteRow[" + id + "]";
        }
    }
}
