package io.parley.core.flow;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Flows of a bot. Every query names the tenant and the bot, so a flow id is only found under its own bot. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FlowRepository extends GenericRepository<FlowRow, UUID> {

    String COLUMNS = "tenant_id, id, bot_id, name, enabled, priority, trigger_type, CAST(trigger AS text) AS trigger, "
            + "CAST(steps AS text) AS steps, CAST(condition AS text) AS condition, created_at, updated_at";

    @Query("""
            INSERT INTO flows (tenant_id, id, bot_id, name, enabled, priority, trigger_type, trigger, steps, condition)
            VALUES (:tenantId, :id, :botId, :name, :enabled, :priority, :triggerType, CAST(:trigger AS jsonb),
                CAST(:steps AS jsonb), CAST(:condition AS jsonb))""")
    void insert(UUID tenantId, UUID id, UUID botId, String name, boolean enabled, int priority, String triggerType,
                String trigger, String steps, @Nullable String condition);

    /** Replaces every column from a row built by the service. */
    @Query("""
            UPDATE flows SET name = :name, enabled = :enabled, priority = :priority, trigger_type = :triggerType,
                trigger = CAST(:trigger AS jsonb), steps = CAST(:steps AS jsonb),
                condition = CAST(:condition AS jsonb), updated_at = now()
            WHERE tenant_id = :tenantId AND bot_id = :botId AND id = :id""")
    int update(UUID tenantId, UUID botId, UUID id, String name, boolean enabled, int priority, String triggerType,
               String trigger, String steps, @Nullable String condition);

    @Query("SELECT " + COLUMNS + " FROM flows WHERE tenant_id = :tenantId AND bot_id = :botId AND id = :id")
    Optional<FlowRow> find(UUID tenantId, UUID botId, UUID id);

    /** All of a bot's flows in match order (at most {@link FlowLimits#MAX_FLOWS_PER_BOT}). */
    @Query("SELECT " + COLUMNS + " FROM flows WHERE tenant_id = :tenantId AND bot_id = :botId "
            + "ORDER BY priority DESC, id")
    List<FlowRow> listForBot(UUID tenantId, UUID botId);

    /** Locks the bot's row so concurrent creations count its flows one after another; empty if no such bot. */
    @Query("SELECT id FROM bots WHERE tenant_id = :tenantId AND id = :botId FOR UPDATE")
    Optional<UUID> lockBot(UUID tenantId, UUID botId);

    @Query("SELECT count(*) FROM flows WHERE tenant_id = :tenantId AND bot_id = :botId")
    long countForBot(UUID tenantId, UUID botId);

    @Query("DELETE FROM flows WHERE tenant_id = :tenantId AND bot_id = :botId AND id = :id")
    int delete(UUID tenantId, UUID botId, UUID id);
}
