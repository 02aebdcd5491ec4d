package io.parley.api.privacy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import io.parley.core.privacy.TenantExportHandler;
import io.parley.core.queue.Job;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/tenant/exports, its job, and the download (docs/privacy.md "Exporting a tenant"). */
@MicronautTest(transactional = false)
class TenantExportApiTest extends ApiTest {

    @Inject
    TenantExportHandler handler;

    @Test
    void anExportIsBuiltByItsJobAndHoldsTheTenantsRowsWithoutSecrets() throws Exception {
        Session owner = api().signup("Export Everything Co");
        api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Exported bot"));
        String apiKey = api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "k", "role", "admin"))
                .string("key");
        Reply requested = api().post("/api/v1/tenant/exports", owner.accessToken(), Map.of());
        assertThat(requested.status()).as(requested.text()).isEqualTo(202);
        String id = requested.string("id");

        runJob(owner, id); // the api test context runs the queue too: this run or the queue's builds it, once

        assertThat(api().get("/api/v1/tenant/exports/" + id, owner.accessToken()).string("status")).isEqualTo("ready");
        Reply download = api().get("/api/v1/tenant/exports/" + id + "/download", owner.accessToken());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).contains("attachment");
        assertThat(download.string("tenant.name")).isEqualTo("Export Everything Co");
        assertThat(download.string("bots.0.name")).isEqualTo("Exported bot");
        assertThat(download.text()).doesNotContain(apiKey).doesNotContain("\"secret_hash\"")
                .doesNotContain("_sealed\"").doesNotContain("\"credentials");
        assertThat(download.text()).contains("\"api_keys\"").contains("\"audit_log\"");
        assertThat(api().get("/api/v1/audit-log?limit=1", owner.accessToken()).items().getFirst().get("action"))
                .isEqualTo("tenant.export_downloaded");
    }

    @Test
    void onlyOwnersAndAdminsExportAndAnotherTenantsExportIsNotFound() {
        Session owner = api().signup("Export Roles Co");
        Session agent = new Teams(api()).addMember(owner, "agent");
        Session other = api().signup("Export Other Co");
        String id = api().post("/api/v1/tenant/exports", owner.accessToken(), Map.of()).string("id");

        assertProblem(api().post("/api/v1/tenant/exports", agent.accessToken(), Map.of()), 403);
        assertProblem(api().get("/api/v1/tenant/exports/" + id, agent.accessToken()), 403);
        assertProblem(api().get("/api/v1/tenant/exports/" + id, other.accessToken()), 404);
        assertProblem(api().get("/api/v1/tenant/exports/" + id + "/download", other.accessToken()), 404);
    }

    private void runJob(Session owner, String exportId) throws java.io.IOException {
        handler.run(new Job(1, TenantId.parse(owner.tenantId()).orElseThrow(), TenantExportHandler.KIND,
                "{\"exportId\": \"" + UUID.fromString(exportId) + "\"}", 1, 3));
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
