package io.parley.core.trigger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code trigger_runs} and the lookups that create them. Every query names the tenant; call inside its scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TriggerRunRepository extends GenericRepository<TriggerRunRow, UUID> {

    /** 1 when the run is new, 0 when this flow already fired for this contact and occurrence. */
    @Query("""
            INSERT INTO trigger_runs (tenant_id, id, flow_id, bot_id, contact_id, trigger_type, occurrence, channel_id,
                                      external_user_id, status, reason, finished_at)
            VALUES (:tenantId, :id, :flowId, :botId, :contactId, :triggerType, :occurrence, :channelId,
                    :externalUserId, :status, :reason, CASE WHEN :status = 'queued' THEN NULL ELSE now() END)
            ON CONFLICT (tenant_id, flow_id, contact_id, occurrence) DO NOTHING""")
    int insert(UUID tenantId, UUID id, UUID flowId, UUID botId, UUID contactId, String triggerType, String occurrence,
               @Nullable UUID channelId, @Nullable String externalUserId, String status, @Nullable String reason);

    @Query("SELECT * FROM trigger_runs WHERE tenant_id = :tenantId AND id = :id FOR UPDATE")
    Optional<TriggerRunRow> lock(UUID tenantId, UUID id);

    /** Ends a queued run; 0 when it had ended already. */
    @Query("""
            UPDATE trigger_runs SET status = :status, reason = :reason, message_id = :messageId, finished_at = now()
            WHERE tenant_id = :tenantId AND id = :id AND status = 'queued'""")
    int finish(UUID tenantId, UUID id, String status, @Nullable String reason, @Nullable UUID messageId);

    /** The first message a run's reply queued (its reply_to is the run's id), if it wrote one. */
    @Query("SELECT id FROM messages WHERE tenant_id = :tenantId AND reply_to = :runId")
    Optional<UUID> sentMessage(UUID tenantId, UUID runId);

    /**
     * The contact's identity on one of the bot's channels (test channels excluded): the one of its most recent
     * conversation with the bot, else the newest identity.
     */
    @Query("""
            SELECT ci.channel_id, ci.external_user_id
            FROM contact_identities ci
            JOIN channels ch ON ch.tenant_id = ci.tenant_id AND ch.id = ci.channel_id
            LEFT JOIN conversations cv ON cv.tenant_id = ci.tenant_id AND cv.channel_id = ci.channel_id
                AND cv.contact_id = ci.contact_id
            WHERE ci.tenant_id = :tenantId AND ci.contact_id = :contactId AND ch.bot_id = :botId AND NOT ch.test_only
            ORDER BY cv.last_message_at DESC NULLS LAST, ci.created_at DESC, ci.id
            LIMIT 1""")
    Optional<TriggerTarget> target(UUID tenantId, UUID botId, UUID contactId);

    /** The enabled flows of one proactive trigger type: id, bot, trigger JSON and creation time. */
    @Query("""
            SELECT tenant_id, id, bot_id, trigger_type, CAST(trigger AS text) AS trigger, created_at
            FROM flows WHERE tenant_id = :tenantId AND enabled AND trigger_type = :triggerType ORDER BY id""")
    List<ProactiveFlow> enabledFlows(UUID tenantId, String triggerType);

    /** The enabled flows the scan looks at (inactive and schedule). */
    @Query("""
            SELECT tenant_id, id, bot_id, trigger_type, CAST(trigger AS text) AS trigger, created_at
            FROM flows WHERE tenant_id = :tenantId AND enabled AND trigger_type IN ('inactive', 'schedule')
            ORDER BY id""")
    List<ProactiveFlow> scannedFlows(UUID tenantId);

    /**
     * Whether an enabled setup_submitted flow of a bot on whose channels the contact has an identity has not fired
     * for the contact yet (it fires once): then the next submission makes the bot write.
     */
    @Query("""
            SELECT EXISTS (SELECT 1 FROM flows f
                JOIN channels ch ON ch.tenant_id = f.tenant_id AND ch.bot_id = f.bot_id AND NOT ch.test_only
                JOIN contact_identities ci ON ci.tenant_id = ch.tenant_id AND ci.channel_id = ch.id
                WHERE f.tenant_id = :tenantId AND f.enabled AND f.trigger_type = 'setup_submitted'
                  AND ci.contact_id = :contactId
                  AND NOT EXISTS (SELECT 1 FROM trigger_runs r WHERE r.tenant_id = f.tenant_id AND r.flow_id = f.id
                                  AND r.contact_id = :contactId))""")
    boolean setupFlowFor(UUID tenantId, UUID contactId);

    /** A flow's runs, newest first, before {@code beforeId}; each with its first message's delivery. */
    @Query("""
            SELECT r.id, r.flow_id, r.contact_id, r.trigger_type, r.occurrence, r.channel_id, r.status, r.reason,
                   r.message_id, m.status AS delivery_status, m.status_detail AS delivery_detail, r.created_at,
                   r.finished_at
            FROM trigger_runs r
            LEFT JOIN messages m ON m.tenant_id = r.tenant_id AND m.id = r.message_id
            WHERE r.tenant_id = :tenantId AND r.flow_id = :flowId AND r.id < :beforeId
            ORDER BY r.id DESC LIMIT :limit""")
    List<TriggerRunView> page(UUID tenantId, UUID flowId, UUID beforeId, int limit);

    /** The contacts an import chunk created (the rows {@code seqs} of ContactImportRepository.createNew). */
    @Query("SELECT new_contact_id FROM contact_import_rows WHERE tenant_id = :tenantId AND import_id = :importId "
            + "AND seq IN (:seqs)")
    List<UUID> importedContacts(UUID tenantId, UUID importId, java.util.Collection<Integer> seqs);

    /** The tenants that have an inactive or schedule flow (readable without a tenant: V115 scanned_flows). */
    @Query("SELECT DISTINCT tenant_id FROM scanned_flows ORDER BY tenant_id")
    List<UUID> scannedTenants();

    /**
     * Conversations of {@code botId} whose contact has been silent for {@code silence} seconds at {@code now},
     * whose spell fell due after the flow was created (a new flow does not nudge the whole backlog), and whose spell
     * has no run of this flow yet: contact, channel, identity and the spell's occurrence key.
     */
    @Query("""
            SELECT cv.contact_id, cv.channel_id, ci.external_user_id,
                   'inactive:' || cv.id || ':' || (extract(epoch FROM cv.last_inbound_at) * 1000000)::bigint AS occurrence
            FROM conversations cv
            JOIN channels ch ON ch.tenant_id = cv.tenant_id AND ch.id = cv.channel_id AND NOT ch.test_only
            JOIN LATERAL (SELECT external_user_id FROM contact_identities i
                          WHERE i.tenant_id = cv.tenant_id AND i.channel_id = cv.channel_id
                            AND i.contact_id = cv.contact_id ORDER BY i.created_at LIMIT 1) ci ON true
            WHERE cv.tenant_id = :tenantId AND cv.bot_id = :botId AND cv.last_inbound_at IS NOT NULL
              AND cv.last_inbound_at <= CAST(:now AS timestamptz) - :silence * interval '1 second'
              AND cv.last_inbound_at + :silence * interval '1 second' >= :flowCreatedAt
              AND NOT EXISTS (SELECT 1 FROM trigger_runs r WHERE r.tenant_id = cv.tenant_id AND r.flow_id = :flowId
                  AND r.contact_id = cv.contact_id
                  AND r.occurrence = 'inactive:' || cv.id || ':'
                      || (extract(epoch FROM cv.last_inbound_at) * 1000000)::bigint)
            ORDER BY cv.last_inbound_at, cv.id
            LIMIT :limit""")
    List<SilentConversation> silent(UUID tenantId, UUID botId, UUID flowId, java.time.Instant now, long silence,
                                    java.time.Instant flowCreatedAt, int limit);
}
