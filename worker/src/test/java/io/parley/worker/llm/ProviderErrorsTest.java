package io.parley.worker.llm;

import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import io.micronaut.json.JsonMapper;
import io.parley.core.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderErrorsTest {

    private final JsonMapper json = JsonMapper.createDefault();

    private LlmFailure classify(int status, String fixture, Duration retryAfter) {
        return ProviderErrors.classify(new RateLimitException(
                new ProviderHttpClient.Failed(status, Fixtures.text(fixture), retryAfter)), json);
    }

    @Test
    void tellsTheTwo429sApartByTheirCode() {
        LlmFailure quota = classify(429, "openai-error-429-insufficient-quota.json", Duration.ofSeconds(1));
        LlmFailure rate = classify(429, "openai-error-429-rate-limit.json", Duration.ofSeconds(1));

        assertThat(quota.outcome()).isEqualTo(LlmOutcome.QUOTA);
        assertThat(quota.retryable()).isFalse();
        assertThat(rate.outcome()).isEqualTo(LlmOutcome.RATE_LIMITED);
        assertThat(rate.retryable()).isTrue();
        assertThat(rate.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(rate.endpointFault()).isFalse();
    }

    @Test
    void serverErrorsAreRetriedAndCountAgainstTheEndpoint() {
        LlmFailure failure = classify(503, "openai-error-503.json", null);

        assertThat(failure.outcome()).isEqualTo(LlmOutcome.ERROR);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.endpointFault()).isTrue();
    }

    @Test
    void clientErrorsAreTheTenantsConfigurationAndNotRetried() {
        LlmFailure failure = classify(401, "openai-error-401.json", null);

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.endpointFault()).isFalse();
        assertThat(failure.getMessage()).isEqualTo("HTTP 401 invalid_api_key").doesNotContain("sk-");
        assertThat(failure.credentialsRejected()).as("a 401 is a rejected key").isTrue();
        assertThat(classify(400, "openai-error-401.json", null).credentialsRejected()).isFalse();
    }

    @Test
    void timeoutsAndConnectionErrorsAreTheEndpoints() {
        assertThat(ProviderErrors.classify(new TimeoutException("late"), json).outcome())
                .isEqualTo(LlmOutcome.TIMEOUT);
        LlmFailure refused = ProviderErrors.classify(new UncheckedIOException(new ConnectException("refused")), json);
        assertThat(refused.retryable()).isTrue();
        assertThat(refused.endpointFault()).isTrue();
    }
}
