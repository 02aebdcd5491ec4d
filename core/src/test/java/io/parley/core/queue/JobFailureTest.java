package io.parley.core.queue;

import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class JobFailureTest {

    private static final Backoff ONE_SECOND = new Backoff(Duration.ofSeconds(1), Duration.ofHours(1), () -> 0.5);

    @Test
    void anOrdinaryExceptionRetriesWithBackoff() {
        JobFailure failure = JobFailure.of(job(2, 10), new IllegalStateException("boom"), ONE_SECOND);

        assertThat(failure.discarded()).isFalse();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(16));
        assertThat(failure.error()).isEqualTo("java.lang.IllegalStateException: boom");
    }

    @Test
    void retryAfterWinsOverBackoffButNotOverTheLastAttempt() {
        JobRetryAfter later = new JobRetryAfter(Duration.ofSeconds(30), "429");

        assertThat(JobFailure.of(job(1, 10), later, ONE_SECOND).retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(JobFailure.of(job(10, 10), later, ONE_SECOND).discarded()).isTrue();
    }

    @Test
    void jobDiscardDiscardsEvenWithAttemptsLeft() {
        assertThat(JobFailure.of(job(1, 10), new JobDiscard("token revoked"), ONE_SECOND).discarded()).isTrue();
    }

    @Test
    void anExceptionWithoutMessageIsNamedByItsClass() {
        assertThat(JobFailure.describe(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
    }

    @Test
    void longMessagesAreCut() {
        String error = JobFailure.describe(new RuntimeException("x".repeat(5000)));

        assertThat(error).hasSize(JobFailure.MAX_ERROR_LENGTH).endsWith("…");
    }

    @Test
    void credentialsInMessagesAreRedacted() {
        assertThat(JobFailure.scrub("GET https://api.telegram.org/bot7001:AAE_x-y/getMe: 401"))
                .isEqualTo("GET https://api.telegram.org/bot<redacted>/getMe: 401");
        assertThat(JobFailure.scrub("GET https://graph.facebook.com/v23.0/me?access_token=EAAG123&x=1 failed"))
                .isEqualTo("GET https://graph.facebook.com/v23.0/me?<redacted> failed");
        assertThat(JobFailure.scrub("connect to https://user:hunter2@db.example.com/x"))
                .isEqualTo("connect to https://<redacted>@db.example.com/x");
        assertThat(JobFailure.scrub("Authorization: Bearer abc.def.ghi rejected"))
                .isEqualTo("Authorization: Bearer <redacted> rejected");
        assertThat(JobFailure.scrub("{\"channelAccessToken\": \"s3cr3t\"} and api_key=k-1 and prly_abcDEF123"))
                .doesNotContain("s3cr3t", "k-1", "abcDEF123");
    }

    private static Job job(int attempt, int maxAttempts) {
        return new Job(1, new TenantId(Ids.next()), "test", "{}", attempt, maxAttempts);
    }
}
