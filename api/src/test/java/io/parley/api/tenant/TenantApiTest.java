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

    @Test
    void theTimeZoneIsUtcUntilAnAdminSetsAnIanaZone() {
        Session owner = api().signup("Zoned Co");
        Session viewer = new Teams(api()).addMember(owner, "viewer");
        assertThat(api().get("/api/v1/tenant", owner.accessToken()).string("timeZone")).isEqualTo("UTC");

        assertThat(api().patch("/api/v1/tenant", viewer.accessToken(), Map.of("timeZone", "Asia/Taipei")).status())
                .isEqualTo(403);
        Reply set = api().patch("/api/v1/tenant", owner.accessToken(), Map.of("timeZone", "Asia/Taipei"));

        assertThat(set.string("timeZone")).isEqualTo("Asia/Taipei");
        assertThat(set.string("name")).isEqualTo("Zoned Co");
        assertThat(api().get("/api/v1/tenant", viewer.accessToken()).string("timeZone")).isEqualTo("Asia/Taipei");
        assertThat(api().get("/api/v1/audit-log?limit=1", owner.accessToken()).items().get(0))
                .containsEntry("action", "tenant.time_zone_changed")
                .containsEntry("details", Map.of("from", "UTC", "to", "Asia/Taipei"));
        java.util.Map<String, Object> reset = new java.util.HashMap<>();
        reset.put("timeZone", null);
        assertThat(api().patch("/api/v1/tenant", owner.accessToken(), reset).string("timeZone")).isEqualTo("UTC");
    }

    @Test
    void refusesTimeZonesThatAreNotIanaNames() {
        Session owner = api().signup("Nowhere Co");
        for (String zone : java.util.List.of("Mars/Olympus", "+08:00", "GMT+8", "", "EST")) {
            Reply refused = api().patch("/api/v1/tenant", owner.accessToken(), Map.of("timeZone", zone));
            assertThat(refused.status()).as(zone).isEqualTo(400);
            assertThat(refused.text()).contains("timeZone", "IANA");
        }
        java.util.Map<String, Object> noName = new java.util.HashMap<>();
        noName.put("name", null);
        assertThat(api().patch("/api/v1/tenant", owner.accessToken(), noName).status()).isEqualTo(400);
        assertThat(api().get("/api/v1/tenant", owner.accessToken()).string("timeZone")).isEqualTo("UTC");
    }
}
