package io.parley.core.usage;

import io.micronaut.scheduling.annotation.Scheduled;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The monthly usage counters ({@code usage_counters}) as the turns see them: what the database holds plus what this
 * process counted and has not written yet.
 *
 * <p>Why in memory: every answered turn of a tenant used to update the tenant's one row for the month, so the turns
 * of a busy tenant queued on its row lock until each other's commit (bench/README.md). Now a turn adds to this
 * process's tally after its reply committed, and {@link #flush()} writes each tenant-month's tally with one upsert
 * every {@code parley.usage.flush-interval} (1 s) and when the process stops.
 *
 * <p>What that costs, bounded: a limit check sees the other processes' counts up to one flush interval late, so a
 * tenant at its quota can get about one interval of traffic more than the plan allows; and a process that dies
 * without stopping (kill -9, OOM) loses at most one interval of its counts — in the tenant's favour; a crash of
 * PostgreSQL that loses a turn's replayable commit (TenantScope#writeReplayable) runs that turn again, which counts
 * it twice. The LLM cost of every call is also in {@code llm_usage}, exactly, for billing.
 */
@Singleton
public final class UsageMeter {

    private static final Logger LOG = LoggerFactory.getLogger(UsageMeter.class);

    private record Key(UUID tenant, String period) {
    }

    private record Tally(long messages, long costMicros) {
        Tally plus(Tally other) {
            return new Tally(messages + other.messages, costMicros + other.costMicros);
        }
    }

    private final Map<Key, Tally> pending = new ConcurrentHashMap<>();
    private final TenantScope scope;
    private final UsageRepository counters;

    UsageMeter(TenantScope scope, UsageRepository counters) {
        this.scope = scope;
        this.counters = counters;
    }

    /** Counts {@code messages} answered turns and {@code costMicros} of LLM cost in the month of {@code when}. */
    public void add(TenantId tenant, Instant when, int messages, long costMicros) {
        if (messages == 0 && costMicros == 0) {
            return;
        }
        pending.merge(new Key(tenant.value(), UsagePeriod.of(when)), new Tally(messages, costMicros), Tally::plus);
    }

    /** The month's usage: the stored counters plus this process's unwritten counts. Call inside the tenant's scope. */
    public UsageCounterRow used(TenantId tenant, String period) {
        UsageCounterRow stored = counters.find(tenant.value(), period)
                .orElse(UsageCounterRow.empty(tenant.value(), period));
        Tally unwritten = pending.get(new Key(tenant.value(), period));
        if (unwritten == null) {
            return stored;
        }
        return new UsageCounterRow(stored.tenantId(), period,
                (int) Math.min(Integer.MAX_VALUE, stored.messages() + unwritten.messages()),
                stored.llmCostMicros() + unwritten.costMicros());
    }

    /**
     * Writes every tally with one upsert per tenant-month, all in one transaction. A tally counted meanwhile waits
     * for the next flush; if the write fails, the tallies are put back and written next time. One flush at a time, so
     * a caller's flush returns only after every count taken before it is stored.
     */
    @Scheduled(fixedDelay = "${parley.usage.flush-interval:1s}")
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<Key, Tally> taken = new LinkedHashMap<>();
        for (Key key : List.copyOf(pending.keySet())) {
            Tally tally = pending.remove(key);
            if (tally != null) {
                taken.put(key, tally);
            }
        }
        Map<TenantId, List<Key>> byTenant = new LinkedHashMap<>();
        taken.keySet().forEach(key -> byTenant.computeIfAbsent(new TenantId(key.tenant()), t -> new ArrayList<>())
                .add(key));
        try {
            scope.writeEach(byTenant.keySet(), tenant -> byTenant.get(tenant).forEach(key -> {
                Tally tally = taken.get(key);
                counters.add(key.tenant(), key.period(), (int) tally.messages(), tally.costMicros());
            }));
        } catch (RuntimeException e) {
            taken.forEach((key, tally) -> pending.merge(key, tally, Tally::plus));
            LOG.warn("Could not write usage counters of {} tenant-month(s); trying again at the next flush: {}",
                    taken.size(), e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        flush();
    }
}
