package io.parley.bench;

import java.nio.file.Path;
import java.util.List;

/** What one scenario measured: the phase's raw records and the figures derived from them. */
record Outcome(Scenario scenario, Phase phase, Monitor.Usage usage, GcLog heap, long llmCalls, long loadings,
               long unmatchedReplies, String heapInfo, List<String> statements, Path directory) {

    Latencies.Summary acks() {
        return phase.acks.summary();
    }

    Latencies.Summary replies() {
        return scenario.waitReplies() ? phase.replyLatencies().summary() : null;
    }

    /** Acknowledged webhooks per second, from the first request sent to the last 200 received. */
    double acksPerSecond() {
        long span = phase.lastAckedAt.get() - phase.firstSentAt;
        return span <= 0 ? 0 : phase.acked.get() / (span / 1e9);
    }

    /** Answered turns (reply or push) per second, from the first webhook sent to the last answer the fake LINE got. */
    double turnsPerSecond() {
        long span = phase.lastRepliedAt.get() - phase.firstSentAt;
        return !scenario.waitReplies() || span <= 0 ? Double.NaN : phase.answered() / (span / 1e9);
    }

    /** Webhooks acknowledged but never answered, answered twice, or refused. */
    String errors() {
        long missing = scenario.waitReplies() ? phase.acked.get() - phase.answered() : 0;
        return "failed " + phase.failureCount() + (phase.failures.isEmpty() ? "" : " " + phase.failures)
                + ", unanswered " + missing + ", duplicate replies " + phase.duplicateReplies.get()
                + ", answered messages named again " + phase.namedAgain.get()
                + ", late answers by push " + phase.pushes.get() + ", unmatched replies " + unmatchedReplies;
    }
}
