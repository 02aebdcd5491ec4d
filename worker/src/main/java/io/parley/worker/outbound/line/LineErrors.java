package io.parley.worker.outbound.line;

import io.parley.core.channel.ProviderApi;
import io.parley.worker.outbound.ProviderHttp;
import io.parley.worker.outbound.SendFailure;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * LINE error answers mapped with intent (https://developers.line.biz/en/reference/messaging-api/#status-codes).
 * The two 429s differ only in their message: the monthly quota is not retried, the rate limit is.
 */
final class LineErrors {

    /** LINE sends no Retry-After with its rate limit (2,000 requests/s per endpoint); a short pause is enough. */
    private static final Duration RATE_LIMIT_PAUSE = Duration.ofSeconds(5);

    private LineErrors() {
    }

    static boolean invalidReplyToken(ProviderApi.Answer answer) {
        return answer.status() == 400 && "Invalid reply token".equalsIgnoreCase(String.valueOf(answer.text("message")));
    }

    /** The answer itself when it is a success; otherwise the typed failure. */
    static ProviderApi.Answer check(ProviderApi.Answer answer) throws SendFailure {
        if (answer.ok()) {
            return answer;
        }
        String message = describe(answer);
        switch (answer.status()) {
            case 401 -> throw new SendFailure.CredentialsRejected("LINE rejected the channel access token (401): "
                    + message + " Issue a new token in the LINE Developers console and save it in the channel.");
            case 403 -> throw new SendFailure.CredentialsRejected("LINE refused this channel access (403): " + message);
            case 429 -> {
                if (message.toLowerCase(Locale.ROOT).contains("monthly limit")) {
                    throw new SendFailure.Undeliverable("LINE monthly message quota reached (429): " + message);
                }
                throw new SendFailure.RateLimited(retryAfter(answer), "LINE rate limit (429): " + message);
            }
            default -> throw new SendFailure.Undeliverable("LINE refused the message (" + answer.status() + "): "
                    + message);
        }
    }

    private static Duration retryAfter(ProviderApi.Answer answer) {
        try {
            long seconds = answer.retryAfter() == null ? -1 : Long.parseLong(answer.retryAfter().trim());
            return seconds > 0 ? Duration.ofSeconds(seconds) : RATE_LIMIT_PAUSE;
        } catch (NumberFormatException e) {
            return RATE_LIMIT_PAUSE;
        }
    }

    /** The error message with its details ("messages[0].text: May not be empty"). */
    private static String describe(ProviderApi.Answer answer) {
        StringBuilder text = new StringBuilder(answer.text("message") == null ? "no message"
                : answer.text("message"));
        if (answer.value("details") instanceof List<?> details) {
            for (Object detail : details) {
                if (detail instanceof Map<?, ?> item) {
                    text.append("; ").append(item.get("property")).append(": ").append(item.get("message"));
                }
            }
        }
        return text.toString();
    }
}
