package io.parley.api.admin;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.core.admin.PlatformAdmins;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may use /api/v1/admin/** (docs/operator-console.md, "Platform admins"). */
@MicronautTest(transactional = false)
class OperatorAccessApiTest extends OperatorTest {

    @Inject
    PlatformAdmins admins;

    @Test
    void aTenantOwnerCallingTheOperatorApiGets403Everywhere() {
        Session owner = api().signup("Owner Only Co");

        for (Reply reply : operatorCalls(owner.accessToken(), owner.tenantId())) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(403);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        assertThat(api().get("/api/v1/me", owner.accessToken()).at("user.platformAdmin")).isEqualTo(false);
    }

    @Test
    void anApiKeyOfThePlatformAdminsOwnTenantIsNoAdmin() {
        String key = api().post("/api/v1/api-keys", operator().accessToken(), Map.of("name", "ops", "role", "admin"))
                .string("key");

        assertThat(api().get("/api/v1/admin/tenants", key).status()).isEqualTo(403);
    }

    @Test
    void aConfiguredPlatformAdminSeesEveryTenantWithPlanUsageAndStatus() {
        Session owner = api().signup("Listed Bakery");
        api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Baker"));

        Reply found = api().get("/api/v1/admin/tenants?q=listed%20bakery", operator().accessToken());

        assertThat(found.status()).as(found.text()).isEqualTo(200);
        assertThat(found.items()).singleElement().satisfies(tenant -> {
            assertThat(tenant.get("id")).isEqualTo(owner.tenantId());
            assertThat(tenant.get("plan")).isEqualTo("free");
            assertThat(tenant.get("status")).isEqualTo("active");
            assertThat(tenant.get("members")).isEqualTo(1);
            assertThat(tenant.get("bots")).isEqualTo(1);
            assertThat(tenant.get("messagesThisMonth")).isEqualTo(0);
            assertThat(tenant.get("ownerEmail")).isEqualTo(owner.email());
        });
        assertThat(api().get("/api/v1/admin/tenants?q=" + owner.email(), operator().accessToken()).items())
                .extracting(tenant -> tenant.get("id")).containsExactly(owner.tenantId());
        assertThat(api().get("/api/v1/admin/tenants/" + owner.tenantId(), operator().accessToken()).string("name"))
                .isEqualTo("Listed Bakery");
        assertThat(api().get("/api/v1/me", operator().accessToken()).at("user.platformAdmin")).isEqualTo(true);
    }

    @Test
    void theTenantsListPagesNewestFirst() {
        Session older = api().signup("Paged Co 1");
        Session newer = api().signup("Paged Co 2");

        Reply first = api().get("/api/v1/admin/tenants?q=paged%20co&limit=1", operator().accessToken());
        Reply second = api().get("/api/v1/admin/tenants?q=paged%20co&limit=1&cursor=" + first.string("nextCursor"),
                operator().accessToken());

        assertThat(first.items()).extracting(tenant -> tenant.get("id")).containsExactly(newer.tenantId());
        assertThat(second.items()).extracting(tenant -> tenant.get("id")).containsExactly(older.tenantId());
    }

    @Test
    void anUnknownOrMalformedTenantIdIs404() {
        assertThat(api().get("/api/v1/admin/tenants/0190a1b2-0000-7000-8000-000000000000",
                operator().accessToken()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/admin/tenants/not-an-id", operator().accessToken()).status()).isEqualTo(404);
    }

    @Test
    void anAdminGrantedByTheCommandLineIsOneAtOnceAndARevokedOneIsNoLonger() {
        Session granted = api().signup("Granted Co");
        assertThat(api().get("/api/v1/admin/tenants", granted.accessToken()).status()).isEqualTo(403);

        assertThat(admins.grant(granted.email().toUpperCase(), "test")).isTrue();

        assertThat(api().get("/api/v1/admin/tenants", granted.accessToken()).status()).isEqualTo(200);
        assertThat(admins.grant(granted.email(), "test")).as("granted already").isFalse();

        assertThat(admins.revoke(granted.email())).isTrue();

        assertThat(api().get("/api/v1/admin/tenants", granted.accessToken()).status())
                .as("the same access token, checked again").isEqualTo(403);
    }

    private List<Reply> operatorCalls(String token, String tenantId) {
        String tenant = "/api/v1/admin/tenants/" + tenantId;
        return List.of(api().get("/api/v1/admin/tenants", token), api().get(tenant, token),
                api().post(tenant + "/suspension", token, Map.of("reason", "x")),
                api().delete(tenant + "/suspension", token),
                api().send("PUT", tenant + "/plan", token, Map.of("planId", "pro"), Map.of()),
                api().post(tenant + "/impersonation", token, Map.of("reason", "x")),
                api().get("/api/v1/admin/health", token), api().get("/api/v1/admin/audit-log", token));
    }
}
