package io.parley.worker.llm;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The turn's way to the LLM: the demo answers directly; every provider (OpenAI-compatible, Azure OpenAI, Anthropic,
 * Gemini through {@link LangChainLlm}; Ollama through {@link OllamaLlm}) is called with the same retries and
 * circuit breaker.
 * <ul>
 *   <li>Retries (as the OpenAI SDKs, shared/protocols README §5.4): 429 rate limits, 5xx and connection errors, up
 *       to {@code parley.llm.max-attempts}, after the advised Retry-After (over {@code max-retry-after}: no retry)
 *       or 0.5 s × 2^n capped at 8 s with jitter — and only while the deadline leaves time for another attempt.
 *       {@code insufficient_quota} and other 4xx are never retried.</li>
 *   <li>One Resilience4j circuit breaker per endpoint (base URL): when most recent calls failed with 5xx, timeouts
 *       or connection errors, calls fail at once for a while (the bot's fallback answers instantly instead of
 *       every contact waiting out a dead provider). A tenant's bad key or quota does not count against it.</li>
 * </ul>
 */
@Singleton
public final class ResilientLlm {

    private static final Duration MIN_ATTEMPT = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

    private final LlmClient remote;
    private final LlmClient ollama;
    private final LlmClient demo;
    private final LlmSettings settings;
    private final CircuitBreakerRegistry breakers;

    ResilientLlm(LangChainLlm remote, OllamaLlm ollama, DemoLlm demo, LlmSettings settings) {
        this.remote = remote;
        this.ollama = ollama;
        this.demo = demo;
        this.settings = settings;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerWindow())
                .minimumNumberOfCalls(Math.min(settings.breakerMinimumCalls(), settings.breakerWindow()))
                .failureRateThreshold(settings.breakerFailureRate())
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    /** The answer, or {@link LlmFailure} with the last attempt's outcome (or circuit_open). */
    public LlmReply chat(List<LlmMessage> messages, LlmCall call) {
        return chat(messages, call, null);
    }

    /**
     * The same, streaming the answer's text to {@code tokens} (null: none) where the provider's client can: each
     * retry first tells {@code tokens} to {@link LlmTokens#restart() start over}.
     */
    public LlmReply chat(List<LlmMessage> messages, LlmCall call, @Nullable LlmTokens tokens) {
        if (call.endpoint().isDemo()) {
            return demo.chat(messages, call, tokens);
        }
        CircuitBreaker breaker = breakers.circuitBreaker(call.endpoint().baseUrl());
        LlmClient client = LlmEndpoint.OLLAMA.equals(call.endpoint().provider()) ? ollama : remote;
        for (int attempt = 1; ; attempt++) {
            if (!breaker.tryAcquirePermission()) {
                throw new LlmFailure(LlmOutcome.CIRCUIT_OPEN, "circuit open for " + call.endpoint().baseUrl(),
                        false, false, null);
            }
            long start = System.nanoTime();
            if (attempt > 1 && tokens != null) {
                tokens.restart();
            }
            try {
                LlmReply reply = client.chat(messages, call, tokens);
                breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                return reply;
            } catch (LlmFailure failure) {
                if (failure.endpointFault()) {
                    breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
                } else {
                    breaker.releasePermission();
                }
                Duration delay = delayBeforeRetry(failure, attempt, call.deadline());
                if (delay == null) {
                    throw failure;
                }
                sleep(delay, failure);
            }
        }
    }

    /** The state of each endpoint's circuit this process has used, by base URL (for health and metrics). */
    public java.util.Map<String, CircuitBreaker.State> circuits() {
        java.util.Map<String, CircuitBreaker.State> states = new java.util.HashMap<>();
        breakers.getAllCircuitBreakers().forEach(breaker -> states.put(breaker.getName(), breaker.getState()));
        return states;
    }

    /** Null: do not retry. */
    Duration delayBeforeRetry(LlmFailure failure, int attempt, Instant deadline) {
        if (!failure.retryable() || attempt >= settings.maxAttempts()) {
            return null;
        }
        Duration delay;
        if (failure.retryAfter() != null) {
            if (failure.retryAfter().compareTo(settings.maxRetryAfter()) > 0) {
                return null;
            }
            delay = failure.retryAfter();
        } else {
            long base = Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(attempt - 1, 10));
            delay = Duration.ofMillis((long) (base * (1 - 0.25 * ThreadLocalRandom.current().nextDouble())));
        }
        Instant nextAttemptStarts = Instant.now().plus(delay);
        return nextAttemptStarts.plus(MIN_ATTEMPT).isAfter(deadline) ? null : delay;
    }

    private static void sleep(Duration delay, LlmFailure failure) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
