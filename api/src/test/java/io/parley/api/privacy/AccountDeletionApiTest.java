package io.parley.api.privacy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** DELETE /api/v1/me (docs/privacy.md "Deleting your account"). */
@MicronautTest(transactional = false)
class AccountDeletionApiTest extends ApiTest {

    @Test
    void aUserWhoIsNotALastOwnerLeavesEveryTenantAndCannotSignInAgain() {
        Session ownerA = api().signup("Deletion A");
        Session leaving = api().signup("Deletion B");
        new Teams(api()).addMember(leaving, "owner"); // their own tenant keeps an owner
        Reply invitation = api().post("/api/v1/invitations", ownerA.accessToken(),
                Map.of("email", leaving.email(), "role", "admin"));
        assertThat(api().post("/api/v1/invitations/accept", leaving.accessToken(),
                Map.of("token", invitation.string("token"))).status()).isEqualTo(200);

        Reply deleted = api().delete("/api/v1/me", leaving.accessToken());

        assertThat(deleted.status()).as(deleted.text()).isEqualTo(204);
        assertThat(api().post("/api/v1/auth/login", null, Map.of("email", leaving.email(), "password",
                Session.PASSWORD)).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/members", ownerA.accessToken()).text()).doesNotContain(leaving.userId());
        Map<String, Object> audit = api().get("/api/v1/audit-log?limit=1", ownerA.accessToken()).items().getFirst();
        assertThat(audit.get("action")).isEqualTo("member.left");
        assertThat(audit.get("targetId")).isEqualTo(leaving.userId());
    }

    @Test
    void theLastOwnerOfATenantMustTransferItFirst() {
        Session owner = api().signup("Last Owner Co");

        Reply refused = api().delete("/api/v1/me", owner.accessToken());

        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.string("detail")).contains("last owner of tenant " + owner.tenantId());
        assertThat(api().login(owner.email()).tenantId()).isEqualTo(owner.tenantId());
        assertThat(api().get("/api/v1/members", owner.accessToken()).text()).contains(owner.userId());
    }

    @Test
    void anApiKeyCannotDeleteAnAccount() {
        Session owner = api().signup("Key Deletion Co");
        String key = api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "k", "role", "admin"))
                .string("key");

        Reply refused = api().delete("/api/v1/me", key);

        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }
}
