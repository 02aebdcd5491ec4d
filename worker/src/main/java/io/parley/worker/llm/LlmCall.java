package io.parley.worker.llm;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How to ask: the endpoint, sampling settings (null = the provider's default) and the instant by which the answer
 * must be in, retries included (the turn sizes it to the channel's reply window). {@code assistantName} is the
 * bot's name (the demo LLM signs with it). {@code tools}: functions offered to the model (empty: none; the demo
 * LLM ignores them).
 */
public record LlmCall(LlmEndpoint endpoint, @Nullable Double temperature, @Nullable Integer maxTokens,
                      Instant deadline, @Nullable String assistantName, List<LlmTool> tools) {

    public LlmCall {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(deadline, "deadline");
        tools = tools == null ? List.of() : List.copyOf(tools);
    }

    public LlmCall(LlmEndpoint endpoint, @Nullable Double temperature, @Nullable Integer maxTokens, Instant deadline,
                   @Nullable String assistantName) {
        this(endpoint, temperature, maxTokens, deadline, assistantName, List.of());
    }

    /** The same call without tools (a provider that refused them, or the follow-up after tool calls). */
    public LlmCall withoutTools() {
        return new LlmCall(endpoint, temperature, maxTokens, deadline, assistantName, List.of());
    }
}
