package io.parley.core.billing.meter;

import io.parley.core.billing.StripeGateway;
import io.parley.core.billing.TenantBillingRepository;
import io.parley.core.billing.TenantBillingRow;
import io.parley.core.plan.PlanRepository;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the usage ledger with Stripe's meter event summaries over the closed hours of the current billing period
 * and records the drift (ledger - Stripe) per meter in meter_reconciliations; a drift is also logged as a warning.
 * Meters without a {@code meter-id} cannot be asked and are skipped. Stripe aggregates meter events asynchronously,
 * so a drift seen minutes after a report may be transient; one that stays is real (an hour left unreported, usage
 * written after its hour was reported, or an event Stripe refused).
 */
@Singleton
public final class MeterReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(MeterReconciler.class);

    private final TenantScope scope;
    private final MeterCatalog meters;
    private final MeteringSettings settings;
    private final TenantBillingRepository billing;
    private final PlanRepository plans;
    private final MeterLedgerRepository ledger;
    private final MeterReconciliationRepository reconciliations;
    private final StripeGateway stripe;

    MeterReconciler(TenantScope scope, MeterCatalog meters, MeteringSettings settings, TenantBillingRepository billing,
                    PlanRepository plans, MeterLedgerRepository ledger,
                    MeterReconciliationRepository reconciliations, StripeGateway stripe) {
        this.scope = scope;
        this.meters = meters;
        this.settings = settings;
        this.billing = billing;
        this.plans = plans;
        this.ledger = ledger;
        this.reconciliations = reconciliations;
        this.stripe = stripe;
    }

    public List<MeterReconciliationRow> reconcile(TenantId tenant, Instant now) {
        record Subject(TenantBillingRow billing, List<Meter> meters) {
        }
        Subject subject = scope.read(tenant, () -> {
            TenantBillingRow row = billing.find(tenant.value()).orElse(null);
            if (row == null || row.stripeCustomerId() == null || !row.hasLiveSubscription()
                    || row.currentPeriodStart() == null) {
                return null;
            }
            String plan = plans.tenantPlan(tenant.value()).map(p -> p.id()).orElse(null);
            return new Subject(row, plan == null ? List.of() : meters.forPlan(plan));
        });
        if (subject == null) {
            return List.of();
        }
        Instant from = MeterHours.ceil(subject.billing().currentPeriodStart());
        Instant to = MeterHours.floor(now.minus(settings.settle()));
        List<MeterReconciliationRow> results = new ArrayList<>();
        for (Meter meter : subject.meters()) {
            if (meter.meterId() == null || !from.isBefore(to)) {
                continue;
            }
            long ours = scope.read(tenant, () -> ledger.hourly(tenant.value(), from, to)).stream()
                    .mapToLong(hour -> meter.quantity().of(hour)).sum();
            long theirs = stripe.meterTotal(meter.meterId(), subject.billing().stripeCustomerId(), from, to);
            long drift = ours - theirs;
            if (drift != 0) {
                LOG.warn("Meter {} of tenant {} drifts by {} ({} in the ledger, {} in Stripe) from {} to {}",
                        meter.eventName(), tenant, drift, ours, theirs, from, to);
            }
            results.add(scope.write(tenant, () -> {
                reconciliations.save(tenant.value(), meter.eventName(), from, to, ours, theirs, drift);
                return reconciliations.list(tenant.value()).stream()
                        .filter(r -> r.eventName().equals(meter.eventName())).findFirst().orElseThrow();
            }));
        }
        return results;
    }
}
