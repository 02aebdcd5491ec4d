package io.parley.worker.llm;

import java.util.List;

/**
 * The model's answer and what it used (billed on the provider's {@code usage}, 0 when it sent none), with the calls of
 * offered tools it made ({@code toolCalls}, empty without tools).
 */
public record LlmReply(String text, int promptTokens, int completionTokens, List<LlmToolCall> toolCalls) {

    public LlmReply {
        toolCalls = List.copyOf(toolCalls);
    }

    public LlmReply(String text, int promptTokens, int completionTokens) {
        this(text, promptTokens, completionTokens, List.of());
    }
}
