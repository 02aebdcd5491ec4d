package io.parley.worker.llm;

import dev.langchain4j.exception.TimeoutException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;

/**
 * Turns whatever an OpenAI-compatible call threw into an {@link LlmFailure} with intent (shared/protocols README
 * §5.4): the two 429s are told apart by {@code error.code}/{@code error.type} — a rate limit is retried after the
 * advised delay, {@code insufficient_quota} (out of credits) is not; 408/409/5xx and connection errors are retried;
 * other 4xx are the tenant's configuration (bad key, unknown model, context too long) and are not.
 */
final class ProviderErrors {

    private ProviderErrors() {
    }

    static LlmFailure classify(Throwable thrown, JsonMapper json) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ProviderHttpClient.Failed failed) {
                return fromStatus(failed, json);
            }
            if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
                return new LlmFailure(LlmOutcome.TIMEOUT, "no answer before the deadline", false, true, null);
            }
            if (cause instanceof UncheckedIOException || cause instanceof IOException) {
                return new LlmFailure(LlmOutcome.ERROR, "connection failed: " + cause.getClass().getSimpleName(),
                        true, true, null);
            }
        }
        // e.g. a 200 without choices or an unreadable body: the endpoint misbehaved; another try may do better
        return new LlmFailure(LlmOutcome.ERROR, "unusable answer: " + thrown.getClass().getSimpleName(), true, true,
                null);
    }

    private static LlmFailure fromStatus(ProviderHttpClient.Failed failed, JsonMapper json) {
        int status = failed.statusCode();
        String code = errorCode(failed.body(), json);
        String message = "HTTP " + status + (code == null ? "" : " " + code);
        if (status == 429) {
            return "insufficient_quota".equals(code)
                    ? new LlmFailure(LlmOutcome.QUOTA, message, false, false, null)
                    : new LlmFailure(LlmOutcome.RATE_LIMITED, message, true, false, failed.retryAfter());
        }
        if (status == 401) {
            return LlmFailure.keyRejected(message);
        }
        if (status >= 500 || status == 408 || status == 409) {
            return new LlmFailure(LlmOutcome.ERROR, message, true, status >= 500 || status == 408,
                    failed.retryAfter());
        }
        return new LlmFailure(LlmOutcome.ERROR, message, false, false, null);
    }

    /** {@code error.code}, else {@code error.type}; null when the body is not OpenAI's error shape. */
    private static String errorCode(String body, JsonMapper json) {
        try {
            JsonNode root = json.readValue(body, JsonNode.class);
            JsonNode error = root == null || !root.isObject() ? null : root.get("error");
            if (error == null || !error.isObject()) {
                return null;
            }
            for (String field : new String[]{"code", "type"}) {
                JsonNode value = error.get(field);
                if (value != null && value.isString() && !value.getStringValue().isBlank()) {
                    return value.getStringValue();
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
