package io.parley.core.analytics;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.UUID;

/**
 * Flows as they fire (matched a message or postback, or ran as a gate): what "flows fired" counts
 * (docs/analytics.md). Once per turn event and flow, so a turn run again writes nothing. Call inside the tenant's
 * scope.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FlowFireRepository extends GenericRepository<FlowFireRepository.FlowFireRow, UUID> {

    @Query("INSERT INTO flow_fires (tenant_id, id, conversation_id, flow_id, event_id) "
            + "VALUES (:tenantId, :id, :conversationId, :flowId, :eventId) ON CONFLICT DO NOTHING")
    void insert(UUID tenantId, UUID id, UUID conversationId, UUID flowId, UUID eventId);

    /** Only for the repository's type; rows are read by the rollups. */
    @io.micronaut.data.annotation.MappedEntity("flow_fires")
    record FlowFireRow(UUID tenantId, @io.micronaut.data.annotation.Id UUID id, UUID conversationId, UUID flowId,
                       UUID eventId) {
    }
}
