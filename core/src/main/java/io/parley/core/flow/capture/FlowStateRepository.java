package io.parley.core.flow.capture;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Flow state per conversation; every query names the tenant. Writes run in the turn's reply transaction. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FlowStateRepository extends GenericRepository<FlowStateRow, UUID> {

    @Query("""
            SELECT tenant_id, conversation_id, flow_id, step_index, attempts, expires_at,
                CAST(variables AS text) AS variables, updated_at
            FROM conversation_flow_state WHERE tenant_id = :tenantId AND conversation_id = :conversationId""")
    Optional<FlowStateRow> find(UUID tenantId, UUID conversationId);

    /** The conversation now waits at this ask step (a new wait, or one more attempt at the same). */
    @Query("""
            INSERT INTO conversation_flow_state (tenant_id, conversation_id, flow_id, step_index, attempts, expires_at)
            VALUES (:tenantId, :conversationId, :flowId, :stepIndex, :attempts, :expiresAt)
            ON CONFLICT (tenant_id, conversation_id) DO UPDATE SET flow_id = EXCLUDED.flow_id,
                step_index = EXCLUDED.step_index, attempts = EXCLUDED.attempts, expires_at = EXCLUDED.expires_at,
                updated_at = now()""")
    void waitAt(UUID tenantId, UUID conversationId, UUID flowId, int stepIndex, int attempts, Instant expiresAt);

    @Query("""
            UPDATE conversation_flow_state SET flow_id = NULL, step_index = NULL, attempts = 0, expires_at = NULL,
                updated_at = now()
            WHERE tenant_id = :tenantId AND conversation_id = :conversationId""")
    void stopWaiting(UUID tenantId, UUID conversationId);

    /** Merges {@code patch} (a JSON object of strings) into the conversation's variables. */
    @Query("""
            INSERT INTO conversation_flow_state (tenant_id, conversation_id, variables)
            VALUES (:tenantId, :conversationId, CAST(:patch AS jsonb))
            ON CONFLICT (tenant_id, conversation_id) DO UPDATE
                SET variables = conversation_flow_state.variables || EXCLUDED.variables, updated_at = now()""")
    void mergeVariables(UUID tenantId, UUID conversationId, String patch);
}
