package io.parley.worker.turn;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a turn writes in its last transaction.
 *
 * @param attributeChanges contact attributes set by flow steps
 * @param handoff          pause the bot in this conversation: a person takes over
 * @param llm              the LLM call made for it, if any (recorded even when the reply is dropped)
 * @param counts           an answered turn, counted against the plan's monthly messages (a limit notice is not)
 * @param noticeUntil      a limit message: no other until then
 * @param flowWait           where the conversation now waits for an answer to a flow's question (null: unchanged)
 * @param variableChanges  conversation variables captured by the turn
 * @param memory           memory values the LLM proposed (applied, bounded, only when the reply is written)
 * @param handoffSource    who handed off when {@code handoff}: "keyword" for a keyword-triggered flow; null: "flow"
 */
record Reply(List<OutboundMessage> messages, Map<String, String> attributeChanges, boolean handoff,
             @Nullable LlmUsage llm, boolean counts, @Nullable Instant noticeUntil, FlowPlanner.@Nullable Wait flowWait,
             Map<String, String> variableChanges, @Nullable MemoryProposal memory, @Nullable String handoffSource) {

    Reply {
        messages = List.copyOf(messages);
        attributeChanges = Map.copyOf(attributeChanges);
        variableChanges = Map.copyOf(variableChanges);
    }

    Reply(List<OutboundMessage> messages, Map<String, String> attributeChanges, boolean handoff,
          @Nullable LlmUsage llm, boolean counts, @Nullable Instant noticeUntil, FlowPlanner.@Nullable Wait flowWait,
          Map<String, String> variableChanges, @Nullable MemoryProposal memory) {
        this(messages, attributeChanges, handoff, llm, counts, noticeUntil, flowWait, variableChanges, memory, null);
    }

    Reply(List<OutboundMessage> messages, Map<String, String> attributeChanges, boolean handoff,
          @Nullable LlmUsage llm, boolean counts, @Nullable Instant noticeUntil) {
        this(messages, attributeChanges, handoff, llm, counts, noticeUntil, null, Map.of());
    }

    Reply(List<OutboundMessage> messages, Map<String, String> attributeChanges, boolean handoff,
          @Nullable LlmUsage llm, boolean counts, @Nullable Instant noticeUntil, FlowPlanner.@Nullable Wait flowWait,
          Map<String, String> variableChanges) {
        this(messages, attributeChanges, handoff, llm, counts, noticeUntil, flowWait, variableChanges, null);
    }

    static Reply limitNotice(String text, Instant until) {
        return new Reply(List.of(OutboundMessage.text(text).from(OutboundMessage.LIMIT)), Map.of(), false, null, false,
                until);
    }

    /** One LLM call, as {@code llm_usage} records it; {@code unpriced}: the model has no price (cost unknown). */
    record LlmUsage(String provider, String model, int promptTokens, int completionTokens, int latencyMs,
                    String outcome, long costMicros, boolean unpriced) {
    }
}
