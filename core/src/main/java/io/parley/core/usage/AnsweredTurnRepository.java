package io.parley.core.usage;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answered turns of the usage ledger; call inside the tenant's scope. Append-only: a turn's row is inserted in its
 * last transaction, so the turns of a busy tenant never wait on a shared counter row (UsageMeter says why).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AnsweredTurnRepository extends GenericRepository<AnsweredTurnRow, UUID> {

    /** Once per turn: a turn run again (after a lost lease) inserts nothing. */
    @Query("""
            INSERT INTO answered_turns (tenant_id, id, bot_id, channel_id, conversation_id)
            VALUES (:tenantId, :id, :botId, :channelId, :conversationId) ON CONFLICT DO NOTHING""")
    void insert(UUID tenantId, UUID id, UUID botId, UUID channelId, UUID conversationId);

    /** The turns answered in [from, to), oldest first. */
    @Query("SELECT * FROM answered_turns WHERE tenant_id = :tenantId AND answered_at >= :from AND answered_at < :to "
            + "ORDER BY answered_at, id")
    List<AnsweredTurnRow> between(UUID tenantId, Instant from, Instant to);
}
