package io.parley.core.queue;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What becomes of a job whose handler threw: retried after {@code retryAfter}, or discarded when that is null.
 * {@code error} goes into the job's {@code errors} (shown in the jobs API), so it is short and scrubbed of the
 * secrets exception messages are known to carry (bot tokens in Telegram URLs, bearer tokens, query strings).
 */
record JobFailure(String error, @Nullable Duration retryAfter) {

    static final int MAX_ERROR_LENGTH = 500;

    private static final Pattern TELEGRAM_TOKEN = Pattern.compile("bot\\d+:[A-Za-z0-9_-]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer|basic)\\s+[^\\s,;\"']+");
    private static final Pattern QUERY = Pattern.compile("(https?://[^\\s?\"']*)\\?[^\\s\"']*");
    private static final Pattern URL_USER = Pattern.compile("(https?://)[^/\\s@\"']+@");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)((?:access_?token|api_?key|secret|password|token)\"?\\s*[=:]\\s*\"?)[^\\s,;&\"']+");
    private static final Pattern API_KEY = Pattern.compile("prly_[A-Za-z0-9_-]+");

    boolean discarded() {
        return retryAfter == null;
    }

    /**
     * {@link JobDiscard} discards at once; {@link JobRetryAfter} retries after its delay; anything else retries
     * with {@link Backoff}. Either retry becomes a discard once the job has used its last attempt.
     */
    static JobFailure of(Job job, Throwable thrown, Backoff backoff) {
        String error = describe(thrown);
        if (thrown instanceof JobDiscard || job.isLastAttempt()) {
            return new JobFailure(error, null);
        }
        Duration delay = thrown instanceof JobRetryAfter retry ? retry.delay() : backoff.after(job.attempt());
        return new JobFailure(error, delay.isNegative() ? Duration.ZERO : delay);
    }

    /** A retry (or, after the last attempt, a discard) that no exception caused: a lost lease, say. */
    static JobFailure because(String error, int attempt, int maxAttempts, Backoff backoff) {
        return new JobFailure(error, attempt >= maxAttempts ? null : backoff.after(attempt));
    }

    /**
     * A job whose process died (docs/architecture/queue.md, "Dead processes"): due again at once — the attempt was
     * not the job's fault, and the contact is waiting — but counted, so a job that kills every process it runs on
     * is still discarded after its last attempt.
     */
    static JobFailure retryNow(String error, int attempt, int maxAttempts) {
        return new JobFailure(error, attempt >= maxAttempts ? null : Duration.ZERO);
    }

    /** "class: message", scrubbed and cut to {@value #MAX_ERROR_LENGTH} characters. */
    static String describe(Throwable thrown) {
        String message = thrown.getMessage();
        String text = message == null || message.isBlank() ? thrown.getClass().getName()
                : thrown.getClass().getName() + ": " + scrub(message);
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    static String scrub(String text) {
        String scrubbed = TELEGRAM_TOKEN.matcher(text).replaceAll("bot<redacted>");
        scrubbed = URL_USER.matcher(scrubbed).replaceAll("$1<redacted>@");
        scrubbed = QUERY.matcher(scrubbed).replaceAll("$1?<redacted>");
        scrubbed = BEARER.matcher(scrubbed).replaceAll("$1 <redacted>");
        scrubbed = SECRET_PARAM.matcher(scrubbed).replaceAll("$1<redacted>");
        return API_KEY.matcher(scrubbed).replaceAll("prly_<redacted>");
    }
}
