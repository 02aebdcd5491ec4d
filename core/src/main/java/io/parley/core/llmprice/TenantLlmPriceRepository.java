package io.parley.core.llmprice;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A tenant's own LLM prices; call inside the tenant's scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TenantLlmPriceRepository extends GenericRepository<TenantLlmPriceRow, String> {

    @Query("SELECT * FROM tenant_llm_prices WHERE tenant_id = :tenantId ORDER BY model")
    List<TenantLlmPriceRow> list(UUID tenantId);

    @Query("SELECT * FROM tenant_llm_prices WHERE tenant_id = :tenantId AND model = :model")
    Optional<TenantLlmPriceRow> find(UUID tenantId, String model);

    @Query("""
            INSERT INTO tenant_llm_prices (tenant_id, model, input_per_million, output_per_million, updated_at)
            VALUES (:tenantId, :model, :inputPerMillion, :outputPerMillion, now())
            ON CONFLICT (tenant_id, model) DO UPDATE SET input_per_million = EXCLUDED.input_per_million,
                output_per_million = EXCLUDED.output_per_million, updated_at = now()""")
    void upsert(UUID tenantId, String model, long inputPerMillion, long outputPerMillion);

    @Query("DELETE FROM tenant_llm_prices WHERE tenant_id = :tenantId AND model = :model")
    int delete(UUID tenantId, String model);
}
