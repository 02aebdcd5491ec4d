package io.parley.core.broadcast;

import io.parley.core.queue.JobQueue;
import io.parley.core.queue.JobRequest;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.UUID;

/**
 * The {@code broadcast.send} jobs of a broadcast: one runs at a time per broadcast (serial key), sends for a while
 * and enqueues the next; recipients are claimed row by row, so even two jobs at once would send nobody twice.
 * Broadcast jobs have a lower priority than replies, so a queue full of broadcast work still answers contacts first.
 */
@Singleton
public final class BroadcastJobs {

    public static final String KIND = "broadcast.send";
    /** Below the default 0 of the turns and sends of live conversations (the queue claims higher priorities first). */
    public static final int PRIORITY = -10;

    private final JobQueue queue;

    BroadcastJobs(JobQueue queue) {
        this.queue = queue;
    }

    /** Enqueues a run of the broadcast at {@code at} (now when null); call inside the tenant's write transaction. */
    public void enqueue(TenantId tenant, UUID broadcast, Instant at) {
        JobRequest request = new JobRequest(KIND, args(broadcast), null, "broadcast:" + broadcast, PRIORITY, 25, at,
                null);
        queue.enqueue(tenant, request);
    }

    /**
     * Enqueues one last run of a broadcast whose job was discarded ({@link AbandonedBroadcasts}): a single attempt,
     * which sends what is left or, failing, gives the rest up; once per discarded job.
     */
    public void enqueueRescue(TenantId tenant, UUID broadcast, long discardedJob) {
        queue.enqueue(tenant, new JobRequest(KIND, args(broadcast), "broadcast-rescue:" + discardedJob,
                "broadcast:" + broadcast, PRIORITY, 1, null, null));
    }

    public static String args(UUID broadcast) {
        return "{\"broadcastId\":\"" + broadcast + "\"}";
    }

    /** The broadcast id of a job's arguments. */
    public static UUID parse(String argsJson) {
        int start = argsJson.indexOf("\"broadcastId\"");
        int open = argsJson.indexOf('"', argsJson.indexOf(':', start) + 1);
        return UUID.fromString(argsJson.substring(open + 1, argsJson.indexOf('"', open + 1)));
    }
}
