package io.parley.worker.outbound.whatsapp;

import io.parley.core.channel.ProviderApi;
import io.parley.worker.outbound.ProviderHttp;
import io.parley.worker.outbound.SendFailure;

import java.time.Duration;
import java.util.Set;

/**
 * WhatsApp (Graph API) errors mapped with intent, by {@code error.code} as Meta recommends rather than by title
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes).
 */
final class WhatsAppErrors {

    /** 0 auth exception, 10 permission denied, 190 access token expired or invalid; 200-299 API permission. */
    private static final Set<Long> CREDENTIALS = Set.of(0L, 10L, 190L);
    /** 4 app-level and 80007 WABA-level call limits. */
    private static final Set<Long> RATE_LIMITS = Set.of(4L, 80007L);
    /** The number's messages per second exceeded (Cloud API "Throughput"). */
    private static final long THROUGHPUT = 130429L;
    /** Meta gives no delay for these; throughput is per second, so a few seconds clear it. */
    private static final Duration RATE_LIMIT_PAUSE = Duration.ofSeconds(5);
    /** 131056: about one message per 6 s to one user. */
    private static final Duration PAIR_RATE_PAUSE = Duration.ofSeconds(6);
    /** 131057: the number is being upgraded to a higher throughput, for up to a minute. */
    private static final Duration MAINTENANCE_PAUSE = Duration.ofSeconds(60);
    /** 1 unknown, 2 service unavailable, 131000 something went wrong: temporary. */
    private static final Set<Long> TEMPORARY = Set.of(1L, 2L, 131000L);

    private WhatsAppErrors() {
    }

    static SendFailure failure(ProviderApi.Answer answer) {
        long code = answer.number("error", "code");
        String details = answer.text("error", "error_data", "details");
        String message = "WhatsApp error " + (code < 0 ? "(HTTP " + answer.status() + ")" : code) + ": "
                + (answer.text("error", "message") == null ? "no message" : answer.text("error", "message"))
                + (details == null ? "" : " (" + details + ")");
        if (CREDENTIALS.contains(code) || (code >= 200 && code <= 299) || (code < 0 && answer.status() == 401)) {
            return new SendFailure.CredentialsRejected(message
                    + ". Save a new access token for this number in the channel.");
        }
        if (code == THROUGHPUT) {
            return SendFailure.RateLimited.throughput(RATE_LIMIT_PAUSE, message);
        }
        if (RATE_LIMITS.contains(code) || (code < 0 && answer.status() == 429)) {
            return new SendFailure.RateLimited(RATE_LIMIT_PAUSE, message);
        }
        if (code == 131056) {
            return new SendFailure.RateLimited(PAIR_RATE_PAUSE, message, true);
        }
        if (code == 131057) {
            return new SendFailure.RateLimited(MAINTENANCE_PAUSE, message);
        }
        if (TEMPORARY.contains(code)) {
            return new SendFailure.Unavailable(message);
        }
        // 131047 (outside the 24-hour window: only templates may be sent), 131026 undeliverable, 100 invalid
        // parameter, 131048 spam limit, ...: retrying the same message cannot succeed.
        return new SendFailure.Undeliverable(message);
    }
}
