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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reports a tenant's metered usage to Stripe from the usage ledger, in two steps so a retry never bills twice:
 * <ol>
 *   <li>in one transaction, every closed hour (ended {@code settle} ago) with usage since the last written one is
 *       written to meter_reports with its value and an identifier derived from (tenant, meter, hour) — once;</li>
 *   <li>each unreported row is sent as a meter event with that identifier and marked reported. A failure stops the
 *       run (the job retries it with backoff); the rows keep their value and identifier, so whatever Stripe already
 *       received is de-duplicated when sent again.</li>
 * </ol>
 * Only tenants with a live Stripe subscription to a plan of a meter are reported, from the hour after the
 * subscription's current period started (earlier usage was not under a metered price).
 */
@Singleton
public final class MeterReporter {

    /** Stripe refuses meter events older than 35 days; an hour is left unreported (and shows as drift) past that. */
    static final Duration STRIPE_MAX_AGE = Duration.ofDays(35).minusHours(1);
    private static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(MeterReporter.class);

    /** What one run did. */
    public record Result(int written, int reported) {
    }

    private final TenantScope scope;
    private final MeterCatalog meters;
    private final MeteringSettings settings;
    private final TenantBillingRepository billing;
    private final PlanRepository plans;
    private final MeterLedgerRepository ledger;
    private final MeterReportRepository reports;
    private final StripeGateway stripe;

    MeterReporter(TenantScope scope, MeterCatalog meters, MeteringSettings settings, TenantBillingRepository billing,
                  PlanRepository plans, MeterLedgerRepository ledger, MeterReportRepository reports,
                  StripeGateway stripe) {
        this.scope = scope;
        this.meters = meters;
        this.settings = settings;
        this.billing = billing;
        this.plans = plans;
        this.ledger = ledger;
        this.reports = reports;
        this.stripe = stripe;
    }

    public Result report(TenantId tenant, Instant now) {
        int written = scope.write(tenant, () -> write(tenant, now));
        List<MeterReportRow> pending = scope.read(tenant, () -> reports.pending(tenant.value(), BATCH));
        int reported = 0;
        for (MeterReportRow row : pending) {
            if (row.bucketStart().isBefore(now.minus(STRIPE_MAX_AGE))) {
                LOG.warn("Meter {} of tenant {}: the hour {} is too old for Stripe; left unreported", row.eventName(),
                        tenant, row.bucketStart());
                continue;
            }
            scope.writeVoid(tenant, () -> reports.countAttempt(tenant.value(), row.eventName(), row.bucketStart()));
            stripe.reportMeterEvent(row.eventName(), row.customerId(), row.value(), row.identifier(), row.bucketStart());
            scope.writeVoid(tenant, () -> reports.markReported(tenant.value(), row.eventName(), row.bucketStart()));
            reported++;
        }
        return new Result(written, reported);
    }

    private int write(TenantId tenant, Instant now) {
        UUID t = tenant.value();
        TenantBillingRow row = billing.find(t).orElse(null);
        if (row == null || row.stripeCustomerId() == null || !row.hasLiveSubscription()
                || row.currentPeriodStart() == null) {
            return 0;
        }
        String plan = plans.tenantPlan(t).map(p -> p.id()).orElse(null);
        List<Meter> billed = plan == null ? List.of() : meters.forPlan(plan);
        Instant to = MeterHours.floor(now.minus(settings.settle()));
        Instant oldest = MeterHours.ceil(now.minus(STRIPE_MAX_AGE));
        int written = 0;
        for (Meter meter : billed) {
            Instant from = reports.lastBucket(t, meter.eventName()).map(last -> last.plus(Duration.ofHours(1)))
                    .orElse(MeterHours.ceil(row.currentPeriodStart()));
            from = from.isBefore(oldest) ? oldest : from;
            if (!from.isBefore(to)) {
                continue;
            }
            for (HourlyUsage hour : ledger.hourly(t, from, to)) {
                long value = meter.quantity().of(hour);
                if (value > 0) {
                    reports.insertOnce(t, meter.eventName(), hour.hour(), value,
                            MeterHours.identifier(t, meter.eventName(), hour.hour()), row.stripeCustomerId());
                    written++;
                }
            }
        }
        return written;
    }
}
