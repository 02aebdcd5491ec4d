package io.parley.worker.llm;

/** The model's answer and what it used (billed on the provider's {@code usage}, 0 when it sent none). */
public record LlmReply(String text, int promptTokens, int completionTokens) {
}
