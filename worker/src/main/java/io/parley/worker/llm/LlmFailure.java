package io.parley.worker.llm;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * An LLM call that gave no answer. The message names the status and the provider's error code only: provider
 * messages can quote (masked) keys or the prompt, so they are not carried.
 *
 * @param retryable     worth another attempt (429 rate limit, 5xx, connection errors)
 * @param endpointFault counts against the endpoint's circuit breaker (5xx, timeouts, connection errors) — a
 *                      tenant's bad key or exhausted quota says nothing about the endpoint's health
 * @param retryAfter    what the provider advised (Retry-After / retry-after-ms), if anything
 */
public final class LlmFailure extends RuntimeException {

    private final LlmOutcome outcome;
    private final boolean retryable;
    private final boolean endpointFault;
    private final Duration retryAfter;
    private final boolean credentialsRejected;

    public LlmFailure(LlmOutcome outcome, String message, boolean retryable, boolean endpointFault,
                      @Nullable Duration retryAfter) {
        this(outcome, message, retryable, endpointFault, retryAfter, false);
    }

    private LlmFailure(LlmOutcome outcome, String message, boolean retryable, boolean endpointFault,
                       @Nullable Duration retryAfter, boolean credentialsRejected) {
        super(message, null, false, false);
        this.outcome = outcome;
        this.retryable = retryable;
        this.endpointFault = endpointFault;
        this.retryAfter = retryAfter;
        this.credentialsRejected = credentialsRejected;
    }

    /** The provider refused the key (401): an error no retry helps, and a {@code credentials_rejected} alert. */
    public static LlmFailure keyRejected(String message) {
        return new LlmFailure(LlmOutcome.ERROR, message, false, false, null, true);
    }

    /** The provider answered 401: the key is wrong, revoked or missing. */
    public boolean credentialsRejected() {
        return credentialsRejected;
    }

    public LlmOutcome outcome() {
        return outcome;
    }

    public boolean retryable() {
        return retryable;
    }

    public boolean endpointFault() {
        return endpointFault;
    }

    @Nullable
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The provider refused the request as malformed (HTTP 400), e.g. one that offers tools to a model without them. */
    public boolean badRequest() {
        return getMessage() != null && getMessage().startsWith("HTTP 400");
    }
}
