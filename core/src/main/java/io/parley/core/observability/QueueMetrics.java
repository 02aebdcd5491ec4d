package io.parley.core.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.parley.core.ServerRoles;
import io.parley.core.queue.JobHandler;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How much work waits in the queue, across every tenant (docs/operations/observability.md, "Queue"):
 * {@code parley_queue_jobs{kind,state}} and {@code parley_queue_oldest_seconds{kind}}, the age of the oldest job
 * that is due and not yet running — the signal to scale workers on (it rises when they fall behind, whatever the
 * traffic).
 *
 * <p>Jobs are under row-level security; like the runner's own statements, the count runs in the queue's scope
 * ({@link TenantScope#asQueue}), which admits the jobs table and nothing else. One grouped query every
 * {@code parley.metrics.queue-interval} (default 15 s) rather than one per scrape and gauge; every worker process
 * reports the same global figures, so dashboards take {@code max by (kind)}, not a sum.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
@Requires(property = "datasources.default.url")
final class QueueMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(QueueMetrics.class);

    /**
     * Waiting jobs are "available"/"retryable" when due, "scheduled" when due later (debounced turns, backoffs);
     * "running" ones are claimed. The age is that of the oldest due job, 0 when none is due.
     */
    private static final String COUNT = """
            SELECT kind,
                   CASE WHEN state = 'running' THEN 'running' WHEN scheduled_at > now() THEN 'scheduled' ELSE state END,
                   count(*),
                   coalesce(extract(epoch FROM now() - min(scheduled_at)
                            FILTER (WHERE state <> 'running' AND scheduled_at <= now())), 0)
            FROM jobs WHERE state IN ('available', 'retryable', 'running')
            GROUP BY 1, 2""";

    private static final List<String> STATES = List.of("available", "retryable", "scheduled", "running");

    private final TenantScope scope;
    private final DataSource dataSource;
    private final MeterRegistry registry;
    /** Per kind and state; kinds run here or seen once keep reporting (as 0): a drained queue reads 0, not "no data". */
    private final Map<String, AtomicLong> depth = new ConcurrentHashMap<>();
    /** Per kind, in seconds. Gauges hold their state weakly, so these maps keep it. */
    private final Map<String, AtomicReference<Double>> oldest = new ConcurrentHashMap<>();

    QueueMetrics(TenantScope scope, DataSource dataSource, MeterRegistry registry, List<JobHandler> handlers) {
        this.scope = scope;
        this.dataSource = dataSource; // transaction-aware: joins the asQueue transaction
        this.registry = registry;
        handlers.forEach(handler -> track(handler.kind())); // the kinds this process runs, from the start
    }

    @Scheduled(fixedDelay = "${parley.metrics.queue-interval:15s}", initialDelay = "1s")
    void refresh() {
        Map<String, Long> counts = new HashMap<>();
        Map<String, Double> ages = new HashMap<>();
        try {
            scope.asQueue(() -> {
                try (PreparedStatement count = dataSource.getConnection().prepareStatement(COUNT);
                     ResultSet rows = count.executeQuery()) {
                    while (rows.next()) {
                        String kind = rows.getString(1);
                        counts.put(kind + "\n" + rows.getString(2), rows.getLong(3));
                        ages.merge(kind, rows.getDouble(4), Math::max);
                    }
                    return null;
                } catch (SQLException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("Queue metrics not refreshed: {}", e.getMessage());
            return; // the database is away: keep the last figures (its own metrics say why)
        }
        ages.keySet().forEach(this::track);
        depth.forEach((key, value) -> value.set(counts.getOrDefault(key, 0L)));
        oldest.forEach((kind, value) -> value.set(ages.getOrDefault(kind, 0.0)));
    }

    private void track(String kind) {
        oldest.computeIfAbsent(kind, k -> {
            AtomicReference<Double> age = new AtomicReference<>(0.0);
            Gauge.builder("parley.queue.oldest", age, AtomicReference::get).baseUnit("seconds")
                    .description("Age of the oldest job that is due and waits for a worker, by kind (all tenants)")
                    .tag("kind", kind).register(registry);
            for (String state : STATES) {
                AtomicLong jobs = new AtomicLong();
                depth.put(kind + "\n" + state, jobs);
                Gauge.builder("parley.queue.jobs", jobs, AtomicLong::get)
                        .description("Jobs in the queue by kind and state (all tenants)")
                        .tag("kind", kind).tag("state", state).register(registry);
            }
            return age;
        });
    }
}
