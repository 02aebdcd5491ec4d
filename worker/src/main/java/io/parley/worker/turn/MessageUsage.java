package io.parley.worker.turn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Usage you can see (docs/llm.md, "Usage"): the first message of an LLM answer carries the call behind it in
 * {@code payload.usage} — model, tokens, latency, cost, or {@code unpriced} when the model has no price (its cost
 * is unknown, never shown as 0). The inbox API types it ({@code Message.usage}); llm_usage keeps the ledger row.
 */
final class MessageUsage {

    private MessageUsage() {
    }

    static OutboundMessage mark(OutboundMessage message, Reply.LlmUsage usage) {
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("provider", usage.provider());
        recorded.put("model", usage.model());
        recorded.put("promptTokens", usage.promptTokens());
        recorded.put("completionTokens", usage.completionTokens());
        recorded.put("latencyMs", usage.latencyMs());
        recorded.put("outcome", usage.outcome());
        recorded.put("costMicros", usage.unpriced() ? null : usage.costMicros());
        recorded.put("unpriced", usage.unpriced());
        Map<String, Object> payload = new LinkedHashMap<>(message.payload());
        payload.put("usage", recorded);
        return new OutboundMessage(message.type(), message.text(), payload);
    }
}
