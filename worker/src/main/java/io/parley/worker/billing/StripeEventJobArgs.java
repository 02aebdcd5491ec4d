package io.parley.worker.billing;

import io.parley.core.queue.Job;
import io.parley.core.queue.JobDiscard;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arguments of the jobs that process a stored Stripe event — Parley's own ({@link StripeEventHandler}) and a
 * tenant's ({@code premium.ContactStripeEventHandler}): the event id only, {@code {"eventId":"evt_…"}}.
 */
public final class StripeEventJobArgs {

    private static final Pattern ARGS = Pattern.compile("\\{\"eventId\":\"([A-Za-z0-9_]+)\"}");

    private StripeEventJobArgs() {
    }

    /** The job's arguments for {@code eventId}; Stripe ids are letters, digits and underscores. */
    public static String of(String eventId) {
        if (!eventId.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("not a Stripe event id");
        }
        return "{\"eventId\":\"" + eventId + "\"}";
    }

    /** The event id a job of {@code kind} names; a job naming none is discarded (it can never succeed). */
    public static String eventId(Job job, String kind) {
        Matcher args = ARGS.matcher(job.argsJson().replace(" ", ""));
        if (!args.matches()) {
            throw new JobDiscard(kind + " args name no event");
        }
        return args.group(1);
    }
}
