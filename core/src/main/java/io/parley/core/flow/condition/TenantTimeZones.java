package io.parley.core.flow.condition;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time zone in which a tenant's conditions read the time of day and the day of the week. The tenant's
 * {@code time_zone} (an IANA name) where the tenant has one, else UTC. Read defensively: the column is added by the
 * analytics work (issue 11), so the query reads the row as JSON and a missing column or an unknown zone is UTC.
 * Cached for a minute per tenant; asked for only when a condition needs the clock.
 */
@Singleton
public final class TenantTimeZones {

    private static final Logger LOG = LoggerFactory.getLogger(TenantTimeZones.class);

    private final TenantScope scope;
    private final TenantZoneRepository zones;
    private final Cache<TenantId, ZoneId> cache = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    TenantTimeZones(TenantScope scope, TenantZoneRepository zones) {
        this.scope = scope;
        this.zones = zones;
    }

    public ZoneId of(TenantId tenant) {
        return cache.get(tenant, this::load);
    }

    private ZoneId load(TenantId tenant) {
        String name = scope.read(tenant, () -> zones.timeZone(tenant.value()).orElse(null));
        if (name == null || name.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            LOG.warn("Tenant {} has time zone '{}' that Java does not know; conditions use UTC", tenant, name);
            return ZoneOffset.UTC;
        }
    }
}
