package io.parley.core.usage;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.account.TenantRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The monthly counters: counted in memory by the turns, visible to limit checks at once, stored by each flush. */
@MicronautTest(transactional = false)
class UsageMeterTest implements DatabaseTest {

    private static final Instant NOVEMBER = ZonedDateTime.of(2026, 11, 21, 12, 0, 0, 0, ZoneOffset.UTC).toInstant();
    private static final Instant DECEMBER = ZonedDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();

    @Inject
    UsageMeter meter;
    @Inject
    UsageRepository counters;
    @Inject
    TenantRepository tenants;
    @Inject
    TenantScope scope;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.LinkedHashMap<>(DatabaseTest.super.getProperties());
        properties.put("parley.usage.flush-interval", "1h"); // only the test's own flushes
        return properties;
    }

    @Test
    void limitChecksSeeCountsBeforeTheyAreStored() {
        TenantId tenant = newTenant();
        scope.writeVoid(tenant, () -> counters.add(tenant.value(), "2026-11", 40, 1_000));

        meter.add(tenant, NOVEMBER, 1, 250);
        meter.add(tenant, NOVEMBER, 1, 0);

        assertThat(stored(tenant, "2026-11")).hasValue(new UsageCounterRow(tenant.value(), "2026-11", 40, 1_000));
        assertThat(scope.read(tenant, () -> meter.used(tenant, "2026-11")))
                .isEqualTo(new UsageCounterRow(tenant.value(), "2026-11", 42, 1_250));
    }

    @Test
    void aFlushStoresEachTenantMonthOnceAndCountsNothingTwice() {
        TenantId first = newTenant();
        TenantId second = newTenant();
        IntStream.range(0, 500).parallel().forEach(i -> meter.add(first, NOVEMBER, 1, 3));
        meter.add(first, DECEMBER, 1, 0);
        meter.add(second, NOVEMBER, 0, 7); // an LLM call whose turn was answered before: cost only

        meter.flush();

        assertThat(stored(first, "2026-11")).hasValue(new UsageCounterRow(first.value(), "2026-11", 500, 1_500));
        assertThat(stored(first, "2026-12")).hasValue(new UsageCounterRow(first.value(), "2026-12", 1, 0));
        assertThat(stored(second, "2026-11")).hasValue(new UsageCounterRow(second.value(), "2026-11", 0, 7));
        assertThat(scope.read(first, () -> meter.used(first, "2026-11")))
                .isEqualTo(new UsageCounterRow(first.value(), "2026-11", 500, 1_500));

        meter.add(first, NOVEMBER, 1, 0);
        meter.flush();
        assertThat(stored(first, "2026-11")).hasValue(new UsageCounterRow(first.value(), "2026-11", 501, 1_500));
    }

    @Test
    void theCountsOfADeletedTenantAreDroppedWithoutHoldingBackTheOthers() {
        TenantId deleted = new TenantId(Ids.next()); // never stored, like a tenant deleted since its last turn
        TenantId kept = newTenant();
        meter.add(deleted, NOVEMBER, 1, 0);
        meter.add(kept, NOVEMBER, 1, 0);

        meter.flush();

        assertThat(stored(kept, "2026-11")).hasValue(new UsageCounterRow(kept.value(), "2026-11", 1, 0));
        assertThat(stored(deleted, "2026-11")).isEmpty();
        assertThat(scope.read(deleted, () -> meter.used(deleted, "2026-11")).messages()).isZero();
    }

    private TenantId newTenant() {
        TenantId tenant = new TenantId(Ids.next());
        scope.writeVoid(tenant, () -> tenants.insert(tenant.value(), "usage " + tenant));
        return tenant;
    }

    private Optional<UsageCounterRow> stored(TenantId tenant, String period) {
        return scope.read(tenant, () -> counters.find(tenant.value(), period));
    }
}
