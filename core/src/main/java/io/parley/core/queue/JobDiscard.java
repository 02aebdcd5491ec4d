package io.parley.core.queue;

/** Stop this job for good, with a reason (e.g. WhatsApp 131047: outside the 24-hour window). */
public final class JobDiscard extends RuntimeException {

    public JobDiscard(String reason) {
        super(reason, null, false, false);
    }
}
