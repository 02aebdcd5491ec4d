package io.parley.worker.llm;

import java.util.Locale;

/** How an LLM call ended, as stored in {@code llm_usage.outcome}. */
public enum LlmOutcome {
    OK, TIMEOUT, ERROR, RATE_LIMITED, QUOTA, CIRCUIT_OPEN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
