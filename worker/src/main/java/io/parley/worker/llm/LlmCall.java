package io.parley.worker.llm;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Objects;

/**
 * How to ask: the endpoint, sampling settings (null = the provider's default) and the instant by which the answer
 * must be in, retries included (the turn sizes it to the channel's reply window). {@code assistantName} is the
 * bot's name (the demo LLM signs with it).
 */
public record LlmCall(LlmEndpoint endpoint, @Nullable Double temperature, @Nullable Integer maxTokens,
                      Instant deadline, @Nullable String assistantName) {

    public LlmCall {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(deadline, "deadline");
    }
}
