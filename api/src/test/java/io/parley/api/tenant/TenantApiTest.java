package io.parley.api.tenant;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class TenantApiTest extends ApiTest {

    @Test
    void everyTenantStartsOnTheFreePlanAndSeesItsUsage() {
        Session owner = api().signup("Usage Co");
        api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "b"));

        Reply tenant = api().get("/api/v1/tenant", owner.accessToken());

        assertThat(tenant.status()).isEqualTo(200);
        assertThat(tenant.string("name")).isEqualTo("Usage Co");
        assertThat(tenant.string("plan.id")).isEqualTo("free");
        assertThat(tenant.at("plan.maxBots")).isEqualTo(1);
        assertThat(tenant.at("usage.bots")).isEqualTo(1);
        assertThat(tenant.at("usage.channels")).isEqualTo(0);
    }

    @Test
    void plansAreListedCheapestFirstWithUnlimitedAsNull() {
        Session owner = api().signup("Plans Co");
        Reply plans = api().get("/api/v1/plans", owner.accessToken());

        assertThat(plans.text()).startsWith("[");
        assertThat(plans.text()).contains("\"id\":\"free\"", "\"id\":\"pro\"", "\"id\":\"business\"");
        assertThat(plans.text().indexOf("\"free\"")).isLessThan(plans.text().indexOf("\"business\""));
        assertThat(plans.text()).contains("\"maxBots\":null");
    }

    @Test
    void adminsRenameTheTenantAndItIsAudited() {
        Session owner = api().signup("Old Name");
        Session viewer = new Teams(api()).addMember(owner, "viewer");

        assertThat(api().patch("/api/v1/tenant", viewer.accessToken(), Map.of("name", "Hijacked")).status()).isEqualTo(403);
        Reply renamed = api().patch("/api/v1/tenant", owner.accessToken(), Map.of("name", "New Name"));

        assertThat(renamed.string("name")).isEqualTo("New Name");
        assertThat(api().get("/api/v1/audit-log?limit=1", owner.accessToken()).items().get(0))
                .containsEntry("action", "tenant.renamed")
                .containsEntry("details", Map.of("from", "Old Name", "to", "New Name"));
        assertThat(api().patch("/api/v1/tenant", owner.accessToken(), Map.of("name", "")).status()).isEqualTo(400);
    }
}
