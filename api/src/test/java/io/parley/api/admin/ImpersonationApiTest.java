package io.parley.api.admin;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.core.admin.PlatformAdmins;
import jakarta.inject.Inject;
import io.parley.api.testing.ApiClient.Session;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A platform admin's read-only look at a tenant (docs/operator-console.md, "Looking at a tenant"). */
@MicronautTest(transactional = false)
class ImpersonationApiTest extends OperatorTest {

    @Inject
    PlatformAdmins admins;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("parley.admin.impersonation-minutes", "3");
    }

    @Test
    void theTokenReadsTheTenantAsItsAdminsSeeIt() {
        Session owner = api().signup("Looked At Co");
        String bot = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Visible")).string("id");

        Reply token = impersonate(owner);

        assertThat(token.status()).as(token.text()).isEqualTo(200);
        assertThat(token.at("readOnly")).isEqualTo(true);
        assertThat(token.at("expiresIn")).isEqualTo(180);
        String view = token.string("accessToken");
        assertThat(api().get("/api/v1/bots/" + bot, view).string("name")).isEqualTo("Visible");
        assertThat(api().get("/api/v1/tenant", view).string("id")).isEqualTo(owner.tenantId());
        assertThat(api().get("/api/v1/audit-log", view).status()).as("an admin's read").isEqualTo(200);
    }

    @Test
    void everyWriteWithTheTokenIs403AndChangesNothing() {
        Session owner = api().signup("Untouchable Co");
        String bot = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Keep")).string("id");
        String view = impersonate(owner).string("accessToken");

        Reply create = api().post("/api/v1/bots", view, Map.of("name", "Sneaky"));
        Reply patch = api().patch("/api/v1/bots/" + bot, view, Map.of("name", "Renamed"));
        Reply delete = api().delete("/api/v1/bots/" + bot, view);
        Reply close = api().post("/api/v1/tenant/close", view, Map.of());

        assertThat(create.status()).as(create.text()).isEqualTo(403);
        assertThat(create.contentType()).startsWith("application/problem+json");
        assertThat(patch.status()).isEqualTo(403);
        assertThat(delete.status()).isEqualTo(403);
        assertThat(close.status()).isEqualTo(403);
        assertThat(api().get("/api/v1/bots/" + bot, owner.accessToken()).string("name")).isEqualTo("Keep");
        assertThat(api().get("/api/v1/bots", owner.accessToken()).items()).hasSize(1);
    }

    @Test
    void theLookIsInTheTenantsAuditLogWithItsReason() {
        Session owner = api().signup("Audited Look Co");

        impersonate(owner);

        Map<String, Object> entry = api().get("/api/v1/audit-log?limit=1", owner.accessToken()).items().getFirst();
        assertThat(entry.get("action")).isEqualTo("tenant.impersonated");
        assertThat(entry.toString()).contains("Ticket 42").contains("operator " + OPERATOR_EMAIL);
    }

    @Test
    void theTokenIsNoKeyToTheOperatorConsole() {
        Session owner = api().signup("No Escalation Co");
        String view = impersonate(owner).string("accessToken");

        assertThat(api().get("/api/v1/admin/tenants", view).status()).isEqualTo(403);
    }

    @Test
    void aRevokedAdminsLookEndsAtOnceNotWhenTheTokenExpires() {
        Session owner = api().signup("Revoked Look Co");
        Session granted = api().signup("Granted Operator Co");
        assertThat(admins.grant(granted.email(), "test")).isTrue();
        String view = api().post("/api/v1/admin/tenants/" + owner.tenantId() + "/impersonation",
                granted.accessToken(), Map.of("reason", "Ticket 43")).string("accessToken");
        assertThat(api().get("/api/v1/tenant", view).status()).isEqualTo(200);

        assertThat(admins.revoke(granted.email())).isTrue();

        Reply after = api().get("/api/v1/tenant", view);
        assertThat(after.status()).as(after.text()).isEqualTo(403);
        assertThat(after.contentType()).startsWith("application/problem+json");
        assertThat(api().get("/api/v1/bots", view).status()).isEqualTo(403);
    }

    @Test
    void anUnknownTenantCannotBeLookedAt() {
        assertThat(api().post("/api/v1/admin/tenants/0190a1b2-0000-7000-8000-000000000000/impersonation",
                operator().accessToken(), Map.of("reason", "x")).status()).isEqualTo(404);
    }

    private Reply impersonate(Session owner) {
        return api().post("/api/v1/admin/tenants/" + owner.tenantId() + "/impersonation", operator().accessToken(),
                Map.of("reason", "Ticket 42"));
    }
}
