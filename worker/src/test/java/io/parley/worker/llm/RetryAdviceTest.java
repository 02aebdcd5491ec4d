package io.parley.worker.llm;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAdviceTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private static Duration parse(Map<String, List<String>> headers) {
        return RetryAdvice.parse(headers, NOW);
    }

    @Test
    void readsMillisecondsFirstThenSecondsThenAnHttpDate() {
        assertThat(parse(Map.of("retry-after-ms", List.of("250"), "Retry-After", List.of("9"))))
                .isEqualTo(Duration.ofMillis(250));
        assertThat(parse(Map.of("Retry-After", List.of("1.5")))).isEqualTo(Duration.ofMillis(1500));
        assertThat(parse(Map.of("retry-after", List.of("Sat, 21 Nov 2026 10:00:20 GMT"))))
                .isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(parse(Map.of())).isNull();
        assertThat(parse(Map.of("Retry-After", List.of("soon")))).isNull();
        assertThat(parse(Map.of("Retry-After", List.of("-3")))).isNull();
    }
}
