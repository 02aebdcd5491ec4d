package io.parley.api.llmprice;

import io.parley.core.llmprice.LlmPriceTable;
import io.parley.core.tenancy.TenantId;
import io.parley.core.usage.UnpricedModelRepository;
import io.parley.core.usage.UsagePeriod;
import jakarta.inject.Singleton;

import java.time.YearMonth;
import java.util.List;

/** The models a tenant called in a month without a price, as the price table and the usage ledger show them. */
@Singleton
public final class UnpricedModels {

    private final UnpricedModelRepository unpriced;
    private final LlmPriceTable table;

    UnpricedModels(UnpricedModelRepository unpriced, LlmPriceTable table) {
        this.unpriced = unpriced;
        this.table = table;
    }

    /** Call inside the tenant's scope. */
    public List<LlmPriceWire.Unpriced> in(TenantId tenant, YearMonth month) {
        return unpriced.between(tenant.value(), UsagePeriod.start(month), UsagePeriod.start(month.plusMonths(1)))
                .stream().map(row -> LlmPriceWire.Unpriced.of(row, table.find(tenant, row.model()).isPresent()))
                .toList();
    }
}
