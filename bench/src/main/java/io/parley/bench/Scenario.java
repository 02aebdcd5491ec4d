package io.parley.bench;

import java.util.Map;

/**
 * One benchmark scenario: a fresh Parley (new data directory) with these settings, a warm-up whose figures are
 * dropped (the JIT compiles the hot paths), then the measured phase.
 *
 * @param warmup      webhooks of the warm-up (for an ack-only scenario: seconds of warm-up)
 * @param count       webhooks of the measured phase (upper bound for an ack-only scenario)
 * @param seconds     ack-only: the length of the measured phase; 0 = until {@code count} were sent
 * @param waitReplies whether the measured phase waits for every reply (end-to-end) or only for the acks
 * @param rate        webhooks per second in the measured phase; 0 = as fast as acknowledgements allow
 * @param llmMillis   how long the fake LLM thinks in the measured phase (the warm-up uses 0)
 * @param environment extra environment for parley.jar (PARLEY_*), on top of the benchmark's own
 */
record Scenario(String key, String title, int warmup, int count, int seconds, int contacts, int concurrency,
                boolean waitReplies, double rate, long llmMillis, Map<String, String> environment) {
}
