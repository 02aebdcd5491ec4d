package io.parley.core.llmprice;

/**
 * The cost of one LLM call. {@code unpriced}: the model has no price (neither the tenant's nor the operator's) and the
 * call used tokens, so {@code micros} (0) is unknown, not free; llm_usage records the flag.
 */
public record LlmCost(long micros, boolean unpriced) {

    public static final LlmCost FREE = new LlmCost(0, false);
}
