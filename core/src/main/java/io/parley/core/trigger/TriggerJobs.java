package io.parley.core.trigger;

import io.parley.core.message.InboundEvent;
import io.parley.core.queue.JobRequest;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two jobs of proactive triggers: {@value #RUN} {@code {"runId"}} sends one run (enqueued with its
 * {@code trigger_runs} row, in the same transaction), {@value #SCAN} looks for inactive and schedule runs that
 * fell due in one tenant (enqueued by the worker's timer, unique per interval so every replica's timer makes one).
 */
public final class TriggerJobs {

    public static final String RUN = "trigger.run";
    public static final String SCAN = "trigger.scan";
    private static final Pattern ARGS = Pattern.compile("\\{\"runId\":\"([0-9a-f-]{36})\"}");

    private TriggerJobs() {
    }

    /**
     * Unique per run; serial with the contact's turns on that channel, so a proactive message and the answer to a
     * message arriving at the same moment are written one after the other, never interleaved.
     */
    public static JobRequest run(UUID runId, TriggerTarget target) {
        return JobRequest.of(RUN, "{\"runId\":\"" + runId + "\"}").unique(RUN + ":" + runId)
                .serial(InboundEvent.conversationKey(target.channelId(), target.externalUserId()));
    }

    public static Optional<UUID> runId(String argsJson) {
        Matcher matcher = ARGS.matcher(argsJson.replace(" ", ""));
        return matcher.matches() ? Optional.of(UUID.fromString(matcher.group(1))) : Optional.empty();
    }

    /** One scan per tenant and {@code window} (the interval number since the epoch). */
    public static JobRequest scan(long window) {
        return JobRequest.of(SCAN, "{}").unique(SCAN + ":" + window).serial(SCAN).maxAttempts(3);
    }
}
