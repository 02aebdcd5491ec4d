package io.parley.core.analytics;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.parley.core.account.TenantRow;

import java.time.ZoneId;
import java.util.UUID;

/** The tenant's time zone setting ({@code tenants.time_zone}); call inside the tenant's scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TenantZoneRepository extends GenericRepository<TenantRow, UUID> {

    @Query("SELECT time_zone FROM tenants WHERE id = :tenantId")
    String find(UUID tenantId);

    @Query("UPDATE tenants SET time_zone = :timeZone, updated_at = now() WHERE id = :tenantId")
    int update(UUID tenantId, String timeZone);

    /** The zone, UTC when the stored name is unknown to this JDK's time zone database. */
    default ZoneId zone(UUID tenantId) {
        return TenantZones.parse(find(tenantId)).orElse(ZoneId.of(TenantZones.DEFAULT));
    }
}
