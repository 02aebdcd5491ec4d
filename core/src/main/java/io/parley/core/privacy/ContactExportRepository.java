package io.parley.core.privacy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

/**
 * Everything stored about one contact as one JSON document (docs/privacy.md "Export"), built by PostgreSQL: each
 * section is the rows of one table as they are stored ({@code to_jsonb} of the row without {@code tenant_id}), so a
 * column added later is exported without a change here. Runs inside a {@link io.parley.core.tenancy.TenantScope}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ContactExportRepository extends GenericRepository<ContactErasureRow, String> {

    /** Empty when the tenant has no such contact. */
    @Query("""
            SELECT CAST(jsonb_build_object(
                'contact', to_jsonb(c) - 'tenant_id',
                'identities', (SELECT coalesce(jsonb_agg(to_jsonb(x) - 'tenant_id' ORDER BY x.id), '[]')
                    FROM contact_identities x WHERE x.tenant_id = c.tenant_id AND x.contact_id = c.id),
                'optOuts', (SELECT coalesce(jsonb_agg(to_jsonb(x) - 'tenant_id'), '[]')
                    FROM contact_opt_outs x JOIN contact_identities ci ON ci.tenant_id = x.tenant_id
                        AND ci.channel_id = x.channel_id AND ci.external_user_id = x.external_user_id
                    WHERE ci.tenant_id = c.tenant_id AND ci.contact_id = c.id),
                'conversations', (SELECT coalesce(jsonb_agg(to_jsonb(x) - 'tenant_id' ORDER BY x.id), '[]')
                    FROM conversations x WHERE x.tenant_id = c.tenant_id AND x.contact_id = c.id),
                'messages', (SELECT coalesce(jsonb_agg(to_jsonb(x) - 'tenant_id' ORDER BY x.id), '[]')
                    FROM messages x JOIN conversations v ON v.tenant_id = x.tenant_id AND v.id = x.conversation_id
                    WHERE v.tenant_id = c.tenant_id AND v.contact_id = c.id),
                'summaries', (SELECT coalesce(jsonb_agg(to_jsonb(x) - 'tenant_id' ORDER BY x.conversation_id), '[]')
                    FROM conversation_summaries x JOIN conversations v ON v.tenant_id = x.tenant_id
                        AND v.id = x.conversation_id
                    WHERE v.tenant_id = c.tenant_id AND v.contact_id = c.id),
                'notes', (SELECT coalesce(jsonb_agg(to_jsonb(x) - 'tenant_id' ORDER BY x.id), '[]')
                    FROM conversation_notes x JOIN conversations v ON v.tenant_id = x.tenant_id
                        AND v.id = x.conversation_id
                    WHERE v.tenant_id = c.tenant_id AND v.contact_id = c.id),
                'handoffs', (SELECT coalesce(jsonb_agg(to_jsonb(x) - 'tenant_id' ORDER BY x.id), '[]')
                    FROM conversation_handoffs x JOIN conversations v ON v.tenant_id = x.tenant_id
                        AND v.id = x.conversation_id
                    WHERE v.tenant_id = c.tenant_id AND v.contact_id = c.id),
                'flowState', (SELECT coalesce(jsonb_agg(to_jsonb(x) - 'tenant_id' ORDER BY x.conversation_id), '[]')
                    FROM conversation_flow_state x JOIN conversations v ON v.tenant_id = x.tenant_id
                        AND v.id = x.conversation_id
                    WHERE v.tenant_id = c.tenant_id AND v.contact_id = c.id),
                'broadcasts', (SELECT coalesce(jsonb_agg(to_jsonb(x) - 'tenant_id' ORDER BY x.id), '[]')
                    FROM broadcast_recipients x WHERE x.tenant_id = c.tenant_id AND x.contact_id = c.id),
                'memory', (SELECT coalesce(jsonb_agg(to_jsonb(x) - 'tenant_id' - 'subject_id'), '[]')
                    FROM memory_values x WHERE x.tenant_id = c.tenant_id AND x.contact_id = c.id),
                'memoryHistory', (SELECT coalesce(jsonb_agg(to_jsonb(x) - 'tenant_id' ORDER BY x.id), '[]')
                    FROM memory_history x WHERE x.tenant_id = c.tenant_id AND x.contact_id = c.id),
                'subscriptions', (SELECT coalesce(jsonb_agg(to_jsonb(x) - 'tenant_id'), '[]')
                    FROM contact_subscriptions x WHERE x.tenant_id = c.tenant_id AND x.contact_id = c.id),
                'accessCodeRedemptions', (SELECT coalesce(jsonb_agg(to_jsonb(x) - 'tenant_id'), '[]')
                    FROM access_code_redemptions x WHERE x.tenant_id = c.tenant_id AND x.contact_id = c.id),
                'llmUsage', (SELECT coalesce(jsonb_agg(to_jsonb(x) - 'tenant_id' ORDER BY x.id), '[]')
                    FROM llm_usage x WHERE x.tenant_id = c.tenant_id AND x.contact_id = c.id)
            ) AS text)
            FROM contacts c WHERE c.tenant_id = :tenantId AND c.id = :contactId""")
    Optional<String> export(UUID tenantId, UUID contactId);
}
