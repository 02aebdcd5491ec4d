package io.parley.core.flow.condition;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.parley.core.account.TenantRow;

import java.util.Optional;
import java.util.UUID;

/** The tenant's time zone name, read through the row's JSON so the query works before the column exists. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TenantZoneRepository extends GenericRepository<TenantRow, UUID> {

    @Query("SELECT to_jsonb(t) ->> 'time_zone' FROM tenants t WHERE t.id = :tenantId")
    Optional<String> timeZone(UUID tenantId);
}
