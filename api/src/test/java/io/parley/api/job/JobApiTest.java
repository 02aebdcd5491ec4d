package io.parley.api.job;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import io.parley.core.queue.JobQueue;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class JobApiTest extends ApiTest {

    @Inject
    TenantScope scope;
    @Inject
    JobQueue queue;

    private Jobs jobs;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.queue.enabled", "false"); // jobs stay in the states the tests put them in
    }

    @BeforeEach
    void jobs() {
        jobs = new Jobs(scope, queue);
    }

    @Test
    void listsTheTenantsJobsNewestFirstWithTheirErrors() {
        Session owner = api().signup("Jobs Co");
        long waiting = jobs.enqueue(owner, "inbound.turn", "{\"eventId\":\"e-1\"}");
        long failed = jobs.discarded(owner, "outbound.send", 10);
        long done = jobs.completed(owner, "inbound.turn");

        Reply reply = api().get("/api/v1/jobs", owner.accessToken());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.items()).extracting(job -> job.get("id"))
                .containsExactly(Long.toString(done), Long.toString(failed), Long.toString(waiting));
        Map<String, Object> discarded = reply.items().get(1);
        assertThat(discarded).containsEntry("kind", "outbound.send").containsEntry("state", "discarded")
                .containsEntry("attempt", 10).containsEntry("maxAttempts", 10).containsKeys("scheduledAt", "createdAt");
        assertThat(discarded.get("errors")).isEqualTo(List.of(Map.of("at", "2026-11-21T10:00:00.123456Z",
                "attempt", 1, "error", "java.io.IOException: reset")));
        assertThat(reply.items().get(2).get("args")).isEqualTo(Map.of("eventId", "e-1"));
        assertThat(reply.at("nextCursor")).isNull();
    }

    @Test
    void filtersByStateAndKind() {
        Session owner = api().signup("Filter Jobs Co");
        long failedSend = jobs.discarded(owner, "outbound.send", 3);
        jobs.discarded(owner, "inbound.turn", 3);
        jobs.completed(owner, "outbound.send");

        List<Map<String, Object>> items = api().get("/api/v1/jobs?state=discarded&kind=outbound.send",
                owner.accessToken()).items();

        assertThat(items).extracting(job -> job.get("id")).containsExactly(Long.toString(failedSend));
        assertThat(api().get("/api/v1/jobs?state=completed", owner.accessToken()).items()).hasSize(1);
    }

    @Test
    void pagesThroughJobsWithoutGapsOrRepeats() {
        Session owner = api().signup("Paging Jobs Co");
        for (int i = 0; i < 5; i++) {
            jobs.enqueue(owner, "inbound.turn", "{}");
        }
        List<Object> seen = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = api().get("/api/v1/jobs?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    owner.accessToken());
            page.items().forEach(job -> seen.add(job.get("id")));
            cursor = page.string("nextCursor");
        } while (cursor != null);

        assertThat(seen).hasSize(5).doesNotHaveDuplicates()
                .isEqualTo(api().get("/api/v1/jobs", owner.accessToken()).items().stream().map(j -> j.get("id")).toList());
    }

    @Test
    void rejectsAnUnknownStateOrAForgedCursorNamingTheField() {
        Session owner = api().signup("Bad Filter Co");

        Reply state = api().get("/api/v1/jobs?state=failed", owner.accessToken());
        Reply cursor = api().get("/api/v1/jobs?cursor=bm90LWEtY3Vyc29y", owner.accessToken());

        assertThat(state.status()).isEqualTo(400);
        assertThat(state.contentType()).startsWith("application/problem+json");
        assertThat(state.string("errors.0.field")).isEqualTo("state");
        assertThat(state.string("detail")).contains("discarded");
        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.string("errors.0.field")).isEqualTo("cursor");
    }

    @Test
    void retryMakesADiscardedJobAvailableAgainAndIsAudited() {
        Session owner = api().signup("Retry Co");
        long id = jobs.discarded(owner, "outbound.send", 10);

        Reply reply = api().post("/api/v1/jobs/" + id + "/retry", owner.accessToken(), null);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.string("state")).isEqualTo("available");
        assertThat(reply.at("attempt")).isEqualTo(0);
        assertThat(reply.at("finalizedAt")).isNull();
        assertThat((List<?>) reply.at("errors")).as("the history stays").hasSize(1);
        Map<String, Object> entry = api().get("/api/v1/audit-log?limit=1", owner.accessToken()).items().get(0);
        assertThat(entry).containsEntry("action", "job.retried").containsEntry("targetType", "job")
                .containsEntry("targetId", Long.toString(id));
        assertThat(entry.get("details")).isEqualTo(Map.of("kind", "outbound.send", "from", "discarded", "attempts", 10));
        assertThat(api().get("/api/v1/jobs?state=available", owner.accessToken()).items())
                .extracting(job -> job.get("id")).containsExactly(Long.toString(id));
    }

    @Test
    void onlyDiscardedOrCancelledJobsCanBeRetried() {
        Session owner = api().signup("Conflict Co");
        long waiting = jobs.enqueue(owner, "inbound.turn", "{}");
        long done = jobs.completed(owner, "inbound.turn");

        for (long id : new long[]{waiting, done}) {
            Reply reply = api().post("/api/v1/jobs/" + id + "/retry", owner.accessToken(), null);
            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.string("type")).isEqualTo("https://parley.dev/problems/conflict");
        }
        assertThat(api().get("/api/v1/audit-log", owner.accessToken()).items())
                .extracting(e -> e.get("action")).doesNotContain("job.retried");
    }

    @Test
    void onlyAdminsSeeOrRetryJobs() {
        Session owner = api().signup("Job Roles Co");
        long id = jobs.discarded(owner, "inbound.turn", 10);
        Session agent = new Teams(api()).addMember(owner, "agent");
        String viewerKey = api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "v", "role", "viewer"))
                .string("key");
        String adminKey = api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "a", "role", "admin"))
                .string("key");

        for (String credential : new String[]{agent.accessToken(), viewerKey}) {
            assertThat(api().get("/api/v1/jobs", credential).status()).isEqualTo(403);
            assertThat(api().post("/api/v1/jobs/" + id + "/retry", credential, null).status()).isEqualTo(403);
        }
        assertThat(api().get("/api/v1/jobs", adminKey).items()).hasSize(1);
        assertThat(api().post("/api/v1/jobs/" + id + "/retry", adminKey, null).status()).isEqualTo(200);
    }

    @Test
    void credentialsInArgsAreNeverShown() {
        Session owner = api().signup("Token Args Co");
        jobs.enqueue(owner, "outbound.send", "{\"conversationId\":\"c-1\",\"replyToken\":\"nHuyWiB7yP5Zw52FIkcQobQuGDXCTA\"}");

        Reply reply = api().get("/api/v1/jobs", owner.accessToken());

        assertThat(reply.text()).doesNotContain("nHuyWiB7yP5Zw52FIkcQobQuGDXCTA");
        assertThat(reply.items().get(0).get("args")).isEqualTo(Map.of("conversationId", "c-1",
                "replyToken", "<redacted>"));
    }
}
