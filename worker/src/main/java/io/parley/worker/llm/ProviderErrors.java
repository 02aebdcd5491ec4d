package io.parley.worker.llm;

import dev.langchain4j.exception.TimeoutException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns whatever a provider call threw into an {@link LlmFailure} with intent (shared/protocols README §5.4, and
 * docs/llm.md "Providers" for the native providers' error shapes): the two 429s are told apart by their code — a
 * rate limit is retried after the advised delay (Retry-After, or Gemini's {@code RetryInfo.retryDelay}),
 * {@code insufficient_quota} (out of credits; Anthropic says so with a 400 "credit balance is too low") is not; 408/409/5xx (Anthropic's 529 overloaded included) and connection
 * errors are retried; a rejected key (401, Gemini's {@code API_KEY_INVALID}) raises the credentials alert; other 4xx
 * are the tenant's configuration (unknown model, context too long — named {@code context_length_exceeded} whatever
 * the provider calls it) and are not retried.
 *
 * <p>Error shapes read: OpenAI/Azure {@code error.code|type}, Anthropic {@code error.type}, Gemini
 * {@code error.status} (+ {@code details[].reason}), Ollama {@code error} as a string (only the status counts).
 */
final class ProviderErrors {

    static final String CONTEXT_TOO_LONG = "context_length_exceeded";

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
        JsonNode error = error(failed.body(), json);
        String code = status == 400 && contextTooLong(error) ? CONTEXT_TOO_LONG : errorCode(error);
        String message = "HTTP " + status + (code == null ? "" : " " + code);
        if (status == 429) {
            Duration retryAfter = failed.retryAfter() != null ? failed.retryAfter() : geminiRetryDelay(error);
            return "insufficient_quota".equals(code)
                    ? new LlmFailure(LlmOutcome.QUOTA, message, false, false, null)
                    : new LlmFailure(LlmOutcome.RATE_LIMITED, message, true, false, retryAfter);
        }
        if (status == 400 && outOfCredits(error)) {
            return new LlmFailure(LlmOutcome.QUOTA, "HTTP 400 insufficient_quota", false, false, null);
        }
        if (status == 401 || (status == 400 || status == 403) && reason(error, "API_KEY_INVALID")) {
            return LlmFailure.keyRejected(message);
        }
        if (status >= 500 || status == 408 || status == 409) {
            return new LlmFailure(LlmOutcome.ERROR, message, true, status >= 500 || status == 408,
                    failed.retryAfter());
        }
        return new LlmFailure(LlmOutcome.ERROR, message, false, false, null);
    }

    /** The body's {@code error} member: an object for OpenAI, Azure, Anthropic and Gemini; null otherwise. */
    private static @Nullable JsonNode error(String body, JsonMapper json) {
        try {
            JsonNode root = json.readValue(body, JsonNode.class);
            JsonNode error = root == null || !root.isObject() ? null : root.get("error");
            return error != null && error.isObject() ? error : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@code error.code}, else {@code error.type} (Anthropic), else {@code error.status} (Gemini). */
    private static @Nullable String errorCode(@Nullable JsonNode error) {
        for (String field : new String[]{"code", "type", "status"}) {
            String value = string(error, field);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** A prompt over the model's context, in each provider's words (only the 400's message tells). */
    private static boolean contextTooLong(@Nullable JsonNode error) {
        if (CONTEXT_TOO_LONG.equals(string(error, "code"))) {
            return true;
        }
        String message = string(error, "message");
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return text.contains("prompt is too long") // Anthropic
                || text.contains("exceeds the maximum number of tokens") // Gemini
                || text.contains("maximum context length"); // OpenAI-compatible servers without the code
    }

    /** Anthropic answers an account out of credits with a 400, not a 429: the tenant's quota all the same. */
    private static boolean outOfCredits(@Nullable JsonNode error) {
        String message = string(error, "message");
        return message != null && message.toLowerCase(Locale.ROOT).contains("credit balance is too low");
    }

    /** Gemini's {@code details[]} carries an ErrorInfo with this reason. */
    private static boolean reason(@Nullable JsonNode error, String reason) {
        JsonNode details = error == null ? null : error.get("details");
        if (details == null || !details.isArray()) {
            return false;
        }
        for (JsonNode detail : details.values()) {
            if (reason.equals(string(detail, "reason"))) {
                return true;
            }
        }
        return false;
    }

    /** Gemini's {@code google.rpc.RetryInfo} detail: {@code "retryDelay": "17s"}. */
    private static @Nullable Duration geminiRetryDelay(@Nullable JsonNode error) {
        JsonNode details = error == null ? null : error.get("details");
        if (details == null || !details.isArray()) {
            return null;
        }
        for (JsonNode detail : details.values()) {
            String delay = string(detail, "retryDelay");
            if (delay != null && delay.endsWith("s")) {
                try {
                    return Duration.ofMillis((long) (Double.parseDouble(delay.substring(0, delay.length() - 1)) * 1000));
                } catch (NumberFormatException ignored) {
                    return null;
                }
            }
        }
        return null;
    }

    private static @Nullable String string(@Nullable JsonNode node, String field) {
        JsonNode value = node == null || !node.isObject() ? null : node.get(field);
        return value != null && value.isString() ? value.getStringValue() : null;
    }
}
