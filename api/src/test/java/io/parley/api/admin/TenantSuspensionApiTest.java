package io.parley.api.admin;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Suspending and resuming a tenant, and changing its plan, through the operator API. */
@MicronautTest(transactional = false)
class TenantSuspensionApiTest extends OperatorTest {

    @Test
    void aSuspensionIsShownAuditedTwiceAndEndedByAResume() {
        Session owner = api().signup("Suspended Co");
        String path = "/api/v1/admin/tenants/" + owner.tenantId() + "/suspension";

        Reply suspended = api().post(path, operator().accessToken(), Map.of("reason", "Unpaid since October"));

        assertThat(suspended.status()).as(suspended.text()).isEqualTo(200);
        assertThat(suspended.string("status")).isEqualTo("suspended");
        assertThat(suspended.string("suspensionReason")).isEqualTo("Unpaid since October");
        assertThat(api().post(path, operator().accessToken(), Map.of("reason", "again")).status()).isEqualTo(409);
        Map<String, Object> entry = api().get("/api/v1/audit-log?limit=1", owner.accessToken()).items().getFirst();
        assertThat(entry.get("action")).isEqualTo("tenant.suspended");
        assertThat(entry.toString()).contains("operator " + OPERATOR_EMAIL);

        Reply resumed = api().delete(path, operator().accessToken());

        assertThat(resumed.status()).as(resumed.text()).isEqualTo(200);
        assertThat(resumed.string("tenant.status")).isEqualTo("active");
        assertThat(resumed.at("heldTurnsQueued")).isEqualTo(0);
        assertThat(api().delete(path, operator().accessToken()).status()).isEqualTo(409);
        assertThat(api().get("/api/v1/audit-log?limit=1", owner.accessToken()).items().getFirst().get("action"))
                .isEqualTo("tenant.resumed");
    }

    @Test
    void thePlatformAuditLogNamesTheTenantAndTheOperator() {
        Session owner = api().signup("Platform Logged Co");
        api().post("/api/v1/admin/tenants/" + owner.tenantId() + "/suspension", operator().accessToken(),
                Map.of("reason", "Abuse report"));

        Reply log = api().get("/api/v1/admin/audit-log?tenantId=" + owner.tenantId(), operator().accessToken());

        assertThat(log.status()).as(log.text()).isEqualTo(200);
        assertThat(log.items()).singleElement().satisfies(entry -> {
            assertThat(entry.get("action")).isEqualTo("tenant.suspended");
            assertThat(entry.get("actor")).isEqualTo("operator " + OPERATOR_EMAIL);
            assertThat(entry.get("details")).isEqualTo(Map.of("reason", "Abuse report"));
        });
    }

    @Test
    void aSuspensionNeedsAReasonAndAKnownTenant() {
        Session owner = api().signup("Reasonless Co");

        assertThat(api().post("/api/v1/admin/tenants/" + owner.tenantId() + "/suspension", operator().accessToken(),
                Map.of("reason", " ")).status()).isEqualTo(400);
        assertThat(api().post("/api/v1/admin/tenants/" + owner.tenantId() + "/suspension", operator().accessToken(),
                Map.of("reason", "x", "notify", true)).status()).as("strict JSON").isEqualTo(400);
        assertThat(api().post("/api/v1/admin/tenants/0190a1b2-0000-7000-8000-000000000000/suspension",
                operator().accessToken(), Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/admin/tenants/" + owner.tenantId(), operator().accessToken())
                .string("status")).isEqualTo("active");
    }

    @Test
    void anOperatorChangesATenantsPlanAndTheTenantSeesItsNewLimits() {
        Session owner = api().signup("Upgraded Co");

        Reply changed = api().send("PUT", "/api/v1/admin/tenants/" + owner.tenantId() + "/plan",
                operator().accessToken(), Map.of("planId", "pro"), Map.of());

        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.string("plan")).isEqualTo("pro");
        assertThat(api().get("/api/v1/tenant", owner.accessToken()).string("plan.id")).isEqualTo("pro");
        Map<String, Object> entry = api().get("/api/v1/audit-log?limit=1", owner.accessToken()).items().getFirst();
        assertThat(entry.get("action")).isEqualTo("tenant.plan.assigned");
        assertThat(api().send("PUT", "/api/v1/admin/tenants/" + owner.tenantId() + "/plan",
                operator().accessToken(), Map.of("planId", "platinum"), Map.of()).status()).isEqualTo(400);
    }
}
