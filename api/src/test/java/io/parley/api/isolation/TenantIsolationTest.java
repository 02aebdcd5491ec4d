package io.parley.api.isolation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint that takes an id, called by tenant A with tenant B's ids: 404, and B's data is unchanged. */
@MicronautTest(transactional = false)
class TenantIsolationTest extends ApiTest {

    private Session ownerA;
    private String keyA;
    private Session ownerB;
    private Session agentB;
    private String keyIdB;
    private String invitationIdB;

    @BeforeAll
    void twoTenants() {
        ownerA = api().signup("Tenant A");
        keyA = api().post("/api/v1/api-keys", ownerA.accessToken(), Map.of("name", "a", "role", "admin")).string("key");
        ownerB = api().signup("Tenant B");
        agentB = new Teams(api()).addMember(ownerB, "agent");
        keyIdB = api().post("/api/v1/api-keys", ownerB.accessToken(), Map.of("name", "b", "role", "admin")).string("id");
        invitationIdB = api().post("/api/v1/invitations", ownerB.accessToken(),
                Map.of("email", "pending-b@example.com", "role", "viewer")).string("id");
    }

    @Test
    void anotherTenantsMemberIsNotFound() {
        for (String credential : new String[]{ownerA.accessToken(), keyA}) {
            assertNotFound(api().get("/api/v1/members/" + agentB.userId(), credential));
            assertNotFound(api().patch("/api/v1/members/" + agentB.userId(), credential, Map.of("role", "viewer")));
            assertNotFound(api().delete("/api/v1/members/" + agentB.userId(), credential));
        }
        assertThat(api().get("/api/v1/members/" + agentB.userId(), ownerB.accessToken()).string("role")).isEqualTo("agent");
    }

    @Test
    void anotherTenantsApiKeyIsNotFound() {
        for (String credential : new String[]{ownerA.accessToken(), keyA}) {
            assertNotFound(api().get("/api/v1/api-keys/" + keyIdB, credential));
            assertNotFound(api().delete("/api/v1/api-keys/" + keyIdB, credential));
        }
        assertThat(api().get("/api/v1/api-keys/" + keyIdB, ownerB.accessToken()).at("revokedAt")).isNull();
    }

    @Test
    void anotherTenantsInvitationIsNotFound() {
        assertNotFound(api().delete("/api/v1/invitations/" + invitationIdB, ownerA.accessToken()));
        Reply pendingB = api().get("/api/v1/invitations", ownerB.accessToken());
        assertThat(pendingB.status()).as(pendingB.text()).isEqualTo(200);
        assertThat(pendingB.items()).as(pendingB.text())
                .extracting(i -> i.get("id")).contains(invitationIdB);
        assertThat(api().get("/api/v1/invitations", ownerA.accessToken()).items())
                .extracting(i -> i.get("id")).doesNotContain(invitationIdB);
    }

    @Test
    void switchingToATenantYouDoNotBelongToIsNotFound() {
        assertNotFound(api().post("/api/v1/auth/switch-tenant", ownerA.accessToken(), Map.of("tenantId", ownerB.tenantId())));
        assertNotFound(api().post("/api/v1/auth/switch-tenant", ownerA.accessToken(), Map.of("tenantId", "not-an-id")));
    }

    @Test
    void listsNeverShowAnotherTenantsRows() {
        assertThat(api().get("/api/v1/members", ownerA.accessToken()).items())
                .extracting(m -> m.get("userId")).containsExactly(ownerA.userId());
        assertThat(api().get("/api/v1/api-keys", keyA).items()).extracting(k -> k.get("id")).doesNotContain(keyIdB);
        assertThat(api().get("/api/v1/audit-log", ownerA.accessToken()).text())
                .doesNotContain(ownerB.tenantId()).doesNotContain(agentB.email()).doesNotContain(keyIdB);
    }

    @Test
    void malformedIdsAreNotFoundRatherThanErrors() {
        assertNotFound(api().get("/api/v1/members/12345", ownerA.accessToken()));
        assertNotFound(api().get("/api/v1/api-keys/%27%20OR%201=1", ownerA.accessToken()));
    }

    private static void assertNotFound(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
