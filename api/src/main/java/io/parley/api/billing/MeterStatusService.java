package io.parley.api.billing;

import io.parley.api.caller.Caller;
import io.parley.core.billing.TenantBillingRepository;
import io.parley.core.billing.TenantBillingRow;
import io.parley.core.billing.meter.Meter;
import io.parley.core.billing.meter.MeterCatalog;
import io.parley.core.billing.meter.MeterReconciliationRepository;
import io.parley.core.billing.meter.MeterReconciliationRow;
import io.parley.core.billing.meter.MeterReportRepository;
import io.parley.core.billing.meter.MeterReportRow;
import io.parley.core.plan.PlanRepository;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The tenant's metered usage as reported to Stripe, and the last reconciliation of each meter. */
@Singleton
final class MeterStatusService {

    private final TenantScope scope;
    private final MeterCatalog meters;
    private final TenantBillingRepository billing;
    private final PlanRepository plans;
    private final MeterReportRepository reports;
    private final MeterReconciliationRepository reconciliations;

    MeterStatusService(TenantScope scope, MeterCatalog meters, TenantBillingRepository billing, PlanRepository plans,
                       MeterReportRepository reports, MeterReconciliationRepository reconciliations) {
        this.scope = scope;
        this.meters = meters;
        this.billing = billing;
        this.plans = plans;
        this.reports = reports;
        this.reconciliations = reconciliations;
    }

    MeterWire.Meters read(Caller caller) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        return scope.read(tenant, () -> {
            TenantBillingRow row = billing.find(tenant.value()).orElse(null);
            Instant periodStart = row == null || !row.hasLiveSubscription() ? null : row.currentPeriodStart();
            // billed only through a Stripe subscription: a no-card trial of a metered plan is not billed
            String plan = periodStart == null ? "" : plans.tenantPlan(tenant.value()).map(p -> p.id()).orElse("");
            Map<String, MeterReconciliationRow> checks = reconciliations.list(tenant.value()).stream()
                    .collect(Collectors.toMap(MeterReconciliationRow::eventName, Function.identity()));
            List<MeterWire.Status> statuses = meters.meters().stream()
                    .map(meter -> status(tenant, meter, plan, periodStart, checks.get(meter.eventName()))).toList();
            return new MeterWire.Meters(meters.enabled(), periodStart, statuses);
        });
    }

    private MeterWire.Status status(TenantId tenant, Meter meter, String plan, Instant periodStart,
                                    MeterReconciliationRow check) {
        List<MeterReportRow> rows = reports.between(tenant.value(), meter.eventName(),
                periodStart == null ? Instant.EPOCH : periodStart, Instant.now().plusSeconds(3600));
        long reported = periodStart == null ? 0 : rows.stream().filter(r -> r.reportedAt() != null)
                .mapToLong(MeterReportRow::value).sum();
        int pending = (int) rows.stream().filter(r -> r.reportedAt() == null).count();
        Instant last = rows.stream().filter(r -> r.reportedAt() != null).map(MeterReportRow::bucketStart)
                .max(Instant::compareTo).orElse(null);
        MeterWire.Reconciliation reconciliation = check == null ? null : new MeterWire.Reconciliation(
                check.checkedAt(), check.windowStart(), check.windowEnd(), check.ledgerValue(), check.stripeValue(),
                check.drift());
        return new MeterWire.Status(meter.eventName(), meter.quantity().wireName(), meter.plans().contains(plan),
                reported, pending, last, reconciliation);
    }
}
