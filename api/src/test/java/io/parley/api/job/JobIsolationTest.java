package io.parley.api.job;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.core.queue.JobQueue;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tenant A, with a JWT and with an admin API key, aims the jobs API at tenant B's jobs: 404, nothing changes. */
@MicronautTest(transactional = false)
class JobIsolationTest extends ApiTest {

    @Inject
    TenantScope scope;
    @Inject
    JobQueue queue;

    private Session ownerA;
    private String keyA;
    private Session ownerB;
    private long jobB;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.queue.enabled", "false");
    }

    @BeforeAll
    void twoTenantsWithJobs() {
        Jobs jobs = new Jobs(scope, queue);
        ownerA = api().signup("Jobs Tenant A");
        keyA = api().post("/api/v1/api-keys", ownerA.accessToken(), Map.of("name", "a", "role", "admin")).string("key");
        jobs.discarded(ownerA, "inbound.turn", 10);
        ownerB = api().signup("Jobs Tenant B");
        jobB = jobs.discarded(ownerB, "outbound.send", 10);
    }

    @Test
    void anotherTenantsJobIsNotFound() {
        for (String credential : new String[]{ownerA.accessToken(), keyA}) {
            assertNotFound(api().post("/api/v1/jobs/" + jobB + "/retry", credential, null));
            Reply list = api().get("/api/v1/jobs?state=discarded&kind=outbound.send", credential);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.items()).isEmpty();
            assertThat(api().get("/api/v1/jobs", credential).text()).doesNotContain("\"" + jobB + "\"");
        }
        Reply untouched = api().get("/api/v1/jobs", ownerB.accessToken());
        assertThat(untouched.items()).singleElement().satisfies(job -> assertThat(job).containsEntry("id",
                Long.toString(jobB)).containsEntry("state", "discarded"));
    }

    @Test
    void malformedJobIdsAreNotFound() {
        for (String id : new String[]{"abc", "0", "-1", "1e5", "99999999999999999999999", "%27%20OR%201=1"}) {
            assertNotFound(api().post("/api/v1/jobs/" + id + "/retry", ownerA.accessToken(), null));
        }
    }

    private static void assertNotFound(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
