package io.parley.core.knowledge;

import io.parley.core.queue.JobRequest;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@value #KIND} job: (re)indexes one knowledge source. Enqueued by the API with the source (same transaction),
 * run by the worker at a priority below every conversation job ({@value #PRIORITY}; the claim takes the highest
 * priority first), so indexing a large document never makes a contact wait (docs/llm.md "Knowledge base").
 */
public final class KnowledgeJob {

    public static final String KIND = "knowledge.index";
    /** Below the default 0 of turns, sends and webhooks. */
    public static final int PRIORITY = -10;
    private static final Pattern ARGS =
            Pattern.compile("\\{\"sourceId\":\"([0-9a-f-]{36})\",\"generation\":(\\d{1,9})}");

    private KnowledgeJob() {
    }

    /** Unique per source generation: a re-index is a new generation, so a new job. */
    public static JobRequest request(UUID sourceId, int generation) {
        return new JobRequest(KIND, "{\"sourceId\":\"" + sourceId + "\",\"generation\":" + generation + "}",
                KIND + ":" + sourceId + ":" + generation, null, PRIORITY, 3, null, null);
    }

    public record Args(UUID sourceId, int generation) {
    }

    public static Optional<Args> args(String argsJson) {
        Matcher matcher = ARGS.matcher(argsJson.replace(" ", ""));
        return matcher.matches()
                ? Optional.of(new Args(UUID.fromString(matcher.group(1)), Integer.parseInt(matcher.group(2))))
                : Optional.empty();
    }
}
