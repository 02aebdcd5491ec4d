package io.parley.api.audit;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AuditLogTest extends ApiTest {

    @Test
    void membershipRoleAndKeyChangesAreAudited() {
        Session owner = api().signup("Audit Co");
        Session agent = new Teams(api()).addMember(owner, "agent");
        api().patch("/api/v1/members/" + agent.userId(), owner.accessToken(), Map.of("role", "viewer"));
        Reply key = api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "ci", "role", "admin"));
        api().delete("/api/v1/api-keys/" + key.string("id"), owner.accessToken());
        api().delete("/api/v1/members/" + agent.userId(), owner.accessToken());

        List<Map<String, Object>> entries = api().get("/api/v1/audit-log", owner.accessToken()).items();

        assertThat(entries).extracting(e -> e.get("action")).containsExactly(
                "member.removed", "api_key.revoked", "api_key.created", "member.role_changed", "member.joined",
                "member.invited", "member.joined", "tenant.created");
        Map<String, Object> roleChange = entries.get(3);
        assertThat(roleChange.get("details")).isEqualTo(Map.of("email", agent.email(), "from", "agent", "to", "viewer"));
        @SuppressWarnings("unchecked")
        Map<String, Object> actor = (Map<String, Object>) roleChange.get("actor");
        assertThat(actor).containsEntry("type", "user").containsEntry("id", owner.userId())
                .containsEntry("label", owner.email());
        assertThat(api().get("/api/v1/audit-log", owner.accessToken()).text()).doesNotContain(key.string("key"));
    }

    @Test
    void filtersByActorByActionOrAreaAndByTime() {
        Session owner = api().signup("Filter Audit Co");
        Session admin = new Teams(api()).addMember(owner, "admin");
        api().post("/api/v1/api-keys", admin.accessToken(), Map.of("name", "by-admin", "role", "viewer"));
        api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "by-owner", "role", "viewer"));
        String path = "/api/v1/audit-log?limit=100";

        assertThat(actions(owner, path + "&actorId=" + admin.userId())).containsExactly("api_key.created",
                "member.joined");
        assertThat(actions(owner, path + "&action=api_key.created")).containsExactly("api_key.created",
                "api_key.created");
        assertThat(actions(owner, path + "&action=member.")).allMatch(a -> a.toString().startsWith("member."))
                .isNotEmpty();
        assertThat(actions(owner, path + "&action=member")).as("no dot: exact only").isEmpty();
        assertThat(actions(owner, path + "&from=2999-01-01T00:00:00Z")).isEmpty();
        assertThat(actions(owner, path + "&to=2000-01-01T00:00:00Z")).isEmpty();
        assertThat(actions(owner, path + "&from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z")).hasSize(
                actions(owner, path).size());
        assertThat(api().get(path + "&from=yesterday", owner.accessToken()).string("errors.0.field")).isEqualTo("from");
        assertThat(api().get(path + "&actorId=42", owner.accessToken()).string("errors.0.field")).isEqualTo("actorId");
    }

    private List<Object> actions(Session session, String path) {
        Reply reply = api().get(path, session.accessToken());
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.items().stream().map(e -> e.get("action")).toList();
    }

    @Test
    void actionsThroughAnApiKeyNameTheKey() {
        Session owner = api().signup("Key Audit Co");
        Reply key = api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "automation", "role", "admin"));
        api().post("/api/v1/invitations", key.string("key"), Map.of("email", "new@example.com", "role", "agent"));

        Map<String, Object> latest = api().get("/api/v1/audit-log?limit=1", owner.accessToken()).items().get(0);
        assertThat(latest.get("action")).isEqualTo("member.invited");
        assertThat(latest.get("actor")).isEqualTo(Map.of("type", "api_key", "id", key.string("id"),
                "label", "api key automation"));
    }

    @Test
    void auditLogPagesNewestFirstWithoutGapsOrRepeats() {
        Session owner = api().signup("Paging Audit Co");
        for (int i = 0; i < 5; i++) {
            api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "k" + i, "role", "viewer"));
        }
        List<Object> seen = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = api().get("/api/v1/audit-log?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    owner.accessToken());
            page.items().forEach(e -> seen.add(e.get("id")));
            cursor = page.string("nextCursor");
        } while (cursor != null);

        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        List<Object> all = api().get("/api/v1/audit-log?limit=200", owner.accessToken()).items().stream()
                .map(e -> e.get("id")).toList();
        assertThat(seen).isEqualTo(all);
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        Session owner = api().signup("Audit Roles Co");
        Session agent = new Teams(api()).addMember(owner, "agent");

        assertThat(api().get("/api/v1/audit-log", agent.accessToken()).status()).isEqualTo(403);
    }
}
