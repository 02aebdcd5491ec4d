package io.parley.api.apikey;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import io.parley.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ApiKeyTest extends ApiTest {

    @Test
    void createdKeyIsShownOnceAndActsAsItsTenant() {
        Session owner = api().signup("Key Co");
        Reply created = api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "CRM sync", "role", "admin"));
        String key = created.string("key");

        assertThat(created.status()).isEqualTo(201);
        assertThat(key).startsWith("prly_");
        assertThat(created.string("prefix")).isEqualTo(key.substring(0, created.string("prefix").length()));

        Reply me = api().get("/api/v1/me", key);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.string("activeTenantId")).isEqualTo(owner.tenantId());
        assertThat(me.string("apiKey.role")).isEqualTo("admin");
        assertThat(api().get("/api/v1/members", key).items()).hasSize(1);

        Reply listed = api().get("/api/v1/api-keys", owner.accessToken());
        assertThat(listed.text()).doesNotContain(key.substring(created.string("prefix").length()));
        assertThat(listed.items()).extracting(k -> k.get("key")).containsOnlyNulls();
        assertThat(api().get("/api/v1/api-keys/" + created.string("id"), owner.accessToken()).at("lastUsedAt"))
                .isNotNull();
    }

    @Test
    void onlyTheSecretsHashIsStored() throws Exception {
        Session owner = api().signup("Hash Co");
        String key = api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "k", "role", "viewer"))
                .string("key");

        // Read the raw rows as the superuser (row-level security does not apply to it).
        String secretPart = key.substring(20);
        try (Connection connection = superuserOnTestDatabase();
             PreparedStatement statement = connection.prepareStatement("SELECT * FROM api_keys");
             ResultSet rows = statement.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    String value = rows.getString(i);
                    assertThat(value == null ? "" : value).doesNotContain(secretPart).isNotEqualTo(key);
                }
            }
        }
    }

    @Test
    void revokedKeyStopsWorkingAtOnce() {
        Session owner = api().signup("Revoke Key Co");
        Reply created = api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "temp", "role", "admin"));
        assertThat(api().get("/api/v1/me", created.string("key")).status()).isEqualTo(200);

        assertThat(api().delete("/api/v1/api-keys/" + created.string("id"), owner.accessToken()).status()).isEqualTo(204);

        assertThat(api().get("/api/v1/me", created.string("key")).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/api-keys/" + created.string("id"), owner.accessToken()).at("revokedAt")).isNotNull();
    }

    @Test
    void alteredKeyIsRejected() {
        Session owner = api().signup("Altered Key Co");
        String key = api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "k", "role", "admin"))
                .string("key");
        String altered = key.substring(0, key.length() - 3) + (key.endsWith("xyz") ? "abc" : "xyz");

        assertThat(api().get("/api/v1/me", altered).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/me", "prly_nonsense").status()).isEqualTo(401);
    }

    @Test
    void keyRoleLimitsWhatItCanDo() {
        Session owner = api().signup("Key Role Co");
        String viewerKey = api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "read", "role", "viewer"))
                .string("key");

        assertThat(api().get("/api/v1/members", viewerKey).status()).isEqualTo(200);
        assertThat(api().post("/api/v1/api-keys", viewerKey, Map.of("name", "escalate", "role", "admin")).status())
                .isEqualTo(403);
        assertThat(api().post("/api/v1/invitations/accept", viewerKey, Map.of("token", "pinv_x")).status())
                .isEqualTo(403);
    }

    @Test
    void agentsCannotManageKeysAndOwnerKeysDoNotExist() {
        Session owner = api().signup("Key Perm Co");
        Session agent = new Teams(api()).addMember(owner, "agent");

        assertThat(api().post("/api/v1/api-keys", agent.accessToken(), Map.of("name", "x", "role", "viewer")).status())
                .isEqualTo(403);
        assertThat(api().get("/api/v1/api-keys", agent.accessToken()).status()).isEqualTo(403);
        Reply ownerKey = api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "x", "role", "owner"));
        assertThat(ownerKey.status()).isEqualTo(400);
        assertThat(ownerKey.string("errors.0.field")).isEqualTo("role");
    }

    private static Connection superuserOnTestDatabase() throws java.sql.SQLException {
        var database = TestDatabase.shared();
        String url = database.database().jdbcUrl();
        return java.sql.DriverManager.getConnection(url, database.superuser().username(), database.superuser().password());
    }
}
