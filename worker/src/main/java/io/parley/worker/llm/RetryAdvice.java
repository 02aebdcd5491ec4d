package io.parley.worker.llm;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The delay a provider asks for before a retry, read as the OpenAI SDKs do (shared/protocols README §5.4):
 * {@code retry-after-ms} (milliseconds) first, else {@code Retry-After} as seconds (fractions allowed) or an
 * HTTP-date. Whether the delay is acceptable is the retry policy's decision.
 */
final class RetryAdvice {

    private RetryAdvice() {
    }

    static @Nullable Duration parse(Map<String, List<String>> headers, Instant now) {
        String millis = ProviderHttpClient.header(headers, "retry-after-ms");
        if (millis != null) {
            try {
                double value = Double.parseDouble(millis.trim());
                if (value >= 0 && Double.isFinite(value)) {
                    return Duration.ofMillis((long) value);
                }
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        String after = ProviderHttpClient.header(headers, "retry-after");
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(after.trim());
            return seconds >= 0 && Double.isFinite(seconds) ? Duration.ofMillis((long) (seconds * 1000)) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(after.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
