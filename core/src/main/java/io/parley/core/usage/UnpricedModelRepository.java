package io.parley.core.usage;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** The models a tenant called without a price (llm_usage.unpriced, V60); call inside the tenant's scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UnpricedModelRepository extends GenericRepository<UnpricedModel, String> {

    /** In [from, to), most used first. */
    @Query("""
            SELECT model, count(*) AS calls, sum(prompt_tokens) AS prompt_tokens,
                   sum(completion_tokens) AS completion_tokens, max(created_at) AS last_used_at
            FROM llm_usage WHERE tenant_id = :tenantId AND unpriced AND created_at >= :from AND created_at < :to
            GROUP BY model ORDER BY count(*) DESC, model""")
    List<UnpricedModel> between(java.util.UUID tenantId, Instant from, Instant to);
}
