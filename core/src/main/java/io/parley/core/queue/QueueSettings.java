package io.parley.core.queue;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code parley.queue.*}: the job runner of a worker process (docs/architecture/queue.md). The runner itself is
 * switched off with {@code parley.queue.enabled=false} (the process can still enqueue jobs).
 *
 * @param concurrency        jobs running at once; each runs on its own virtual thread and holds no database
 *                           connection while its handler waits on I/O, so hundreds are cheap
 * @param claimBatch         most jobs taken by one claim statement
 * @param lease              how long a claimed job stays ours without a heartbeat; heartbeats every lease/3
 * @param pollInterval       claim this often even without a NOTIFY (missed notifications, scheduled jobs)
 * @param rescueInterval     how often expired leases (crashed workers) are looked for
 * @param shutdownTimeout    how long shutdown waits for running jobs before releasing them (keep it under the
 *                           orchestrator's grace period, 30 s in Kubernetes)
 * @param backoffUnit        retry delay after attempt n is unit × n⁴ (±10 % jitter), see {@link Backoff}
 * @param maxBackoff         longest retry delay
 * @param completedRetention completed jobs are deleted this long after they finished
 * @param discardedRetention discarded and cancelled jobs are kept this long, visible in the jobs API
 * @param processHeartbeat   how often a worker process records that it is alive (and looks for dead ones)
 * @param processTimeout     a process silent this long (by the database clock) is declared dead and its running
 *                           jobs are handed back at once; leases stay the backstop. Takeover after a kill -9
 *                           takes at most timeout + one heartbeat interval
 */
@ConfigurationProperties("parley.queue")
public record QueueSettings(
        @Bindable(defaultValue = "256") @Min(1) int concurrency,
        @Bindable(defaultValue = "100") @Min(1) int claimBatch,
        @Bindable(defaultValue = "60s") @NotNull Duration lease,
        @Bindable(defaultValue = "1s") @NotNull Duration pollInterval,
        @Bindable(defaultValue = "15s") @NotNull Duration rescueInterval,
        @Bindable(defaultValue = "25s") @NotNull Duration shutdownTimeout,
        @Bindable(defaultValue = "1s") @NotNull Duration backoffUnit,
        @Bindable(defaultValue = "1h") @NotNull Duration maxBackoff,
        @Bindable(defaultValue = "24h") @NotNull Duration completedRetention,
        @Bindable(defaultValue = "168h") @NotNull Duration discardedRetention,
        @Bindable(defaultValue = "1s") @NotNull Duration processHeartbeat,
        @Bindable(defaultValue = "5s") @NotNull Duration processTimeout) {

    public QueueSettings {
        if (lease.toMillis() < 30) {
            throw new IllegalArgumentException("parley.queue.lease must be at least 30 ms");
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || rescueInterval.isNegative() || rescueInterval.isZero()) {
            throw new IllegalArgumentException("parley.queue.poll-interval and rescue-interval must be positive");
        }
        if (processHeartbeat.isNegative() || processHeartbeat.isZero()
                || processTimeout.compareTo(processHeartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("parley.queue.process-heartbeat must be positive and "
                    + "parley.queue.process-timeout at least twice as long");
        }
    }

    Duration heartbeatInterval() {
        return lease.dividedBy(3);
    }
}
