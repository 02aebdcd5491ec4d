package io.parley.api.notification;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import io.parley.core.notification.NotificationDraft;
import io.parley.core.notification.NotificationDraft.Severity;
import io.parley.core.notification.Notifications;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/notifications and marking read: each caller sees what its role should, with its own read state. */
@MicronautTest(transactional = false)
class NotificationApiTest extends ApiTest {

    @Inject
    Notifications notifications;
    @Inject
    TenantScope scope;

    @Test
    void listsTheCallersNotificationsNewestFirstWithTheUnreadCount() {
        Session owner = api().signup("Bell Co");
        String billing = raise(owner, "budget:80", Role.ADMIN);
        String handoff = raise(owner, "handoff:1", Role.AGENT);

        Reply page = api().get("/api/v1/notifications", owner.accessToken());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.at("unreadCount")).isEqualTo(2);
        assertThat(page.items()).extracting(item -> item.get("id")).containsExactly(handoff, billing);
        assertThat(page.items().get(1)).containsEntry("kind", "billing.budget.threshold")
                .containsEntry("severity", "warning").containsEntry("title", "80 % used")
                .containsEntry("body", "Your bots used 80 % of the monthly LLM budget.")
                .containsEntry("params", Map.of("percent", "80")).containsEntry("link", "/billing")
                .containsEntry("read", false).containsKey("createdAt");
    }

    @Test
    void agentsSeeHandOffsButNotBillingAndViewersSeeNeither() {
        Session owner = api().signup("Roles Bell Co");
        Teams teams = new Teams(api());
        Session agent = teams.addMember(owner, "agent");
        Session viewer = teams.addMember(owner, "viewer");
        String billing = raise(owner, "budget:50", Role.ADMIN);
        String handoff = raise(owner, "handoff:2", Role.AGENT);

        assertThat(api().get("/api/v1/notifications", agent.accessToken()).items())
                .extracting(item -> item.get("id")).containsExactly(handoff);
        assertThat(api().get("/api/v1/notifications", viewer.accessToken()).items()).isEmpty();
        assertThat(api().post("/api/v1/notifications/" + billing + "/read", agent.accessToken(), null).status())
                .isEqualTo(404);
    }

    @Test
    void markingOneReadIsTheCallersOwnStateAndReadAllClearsTheRest() {
        Session owner = api().signup("Read Bell Co");
        Session admin = new Teams(api()).addMember(owner, "admin");
        String first = raise(owner, "one", Role.ADMIN);
        raise(owner, "two", Role.ADMIN);
        raise(owner, "three", Role.ADMIN);

        assertThat(api().post("/api/v1/notifications/" + first + "/read", owner.accessToken(), null).status())
                .isEqualTo(204);

        Reply ownerPage = api().get("/api/v1/notifications", owner.accessToken());
        assertThat(ownerPage.at("unreadCount")).isEqualTo(2);
        assertThat(ownerPage.items()).filteredOn(item -> Boolean.TRUE.equals(item.get("read")))
                .extracting(item -> item.get("id")).containsExactly(first);
        assertThat(api().get("/api/v1/notifications?unread=true", owner.accessToken()).items())
                .extracting(item -> item.get("id")).doesNotContain(first).hasSize(2);
        assertThat(api().get("/api/v1/notifications", admin.accessToken()).at("unreadCount")).isEqualTo(3);

        assertThat(api().post("/api/v1/notifications/read-all", owner.accessToken(), null).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/notifications", owner.accessToken()).at("unreadCount")).isEqualTo(0);
        assertThat(api().get("/api/v1/notifications", admin.accessToken()).at("unreadCount")).isEqualTo(3);
    }

    @Test
    void anApiKeyReadsWithItsOwnReadState() {
        Session owner = api().signup("Key Bell Co");
        Reply key = api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "ops", "role", "admin"));
        String id = raise(owner, "key", Role.ADMIN);

        assertThat(api().post("/api/v1/notifications/" + id + "/read", key.string("key"), null).status())
                .isEqualTo(204);

        assertThat(api().get("/api/v1/notifications", key.string("key")).at("unreadCount")).isEqualTo(0);
        assertThat(api().get("/api/v1/notifications", owner.accessToken()).at("unreadCount")).isEqualTo(1);
    }

    @Test
    void anotherTenantsNotificationIsNotFound() {
        Session owner = api().signup("Mine Bell Co");
        Session other = api().signup("Theirs Bell Co");
        String theirs = raise(other, "theirs", Role.AGENT);

        Reply marked = api().post("/api/v1/notifications/" + theirs + "/read", owner.accessToken(), null);

        assertThat(marked.status()).isEqualTo(404);
        assertThat(marked.contentType()).startsWith("application/problem+json");
        assertThat(api().post("/api/v1/notifications/not-an-id/read", owner.accessToken(), null).status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/notifications", owner.accessToken()).items()).isEmpty();
        assertThat(api().get("/api/v1/notifications", other.accessToken()).at("unreadCount")).isEqualTo(1);
    }

    @Test
    void pagesWithACursorWithoutGapsOrRepeats() {
        Session owner = api().signup("Pages Bell Co");
        String first = raise(owner, "p1", Role.ADMIN);
        String second = raise(owner, "p2", Role.ADMIN);
        String third = raise(owner, "p3", Role.ADMIN);

        Reply one = api().get("/api/v1/notifications?limit=2", owner.accessToken());
        Reply two = api().get("/api/v1/notifications?limit=2&cursor=" + one.string("nextCursor"), owner.accessToken());

        assertThat(one.items()).extracting(item -> item.get("id")).containsExactly(third, second);
        assertThat(two.items()).extracting(item -> item.get("id")).containsExactly(first);
        assertThat(two.at("nextCursor")).isNull();
        assertThat(api().get("/api/v1/notifications?limit=0", owner.accessToken()).status()).isEqualTo(400);
    }

    private String raise(Session session, String dedupKey, Role minRole) {
        TenantId tenant = new TenantId(UUID.fromString(session.tenantId()));
        NotificationDraft draft = new NotificationDraft(minRole == Role.ADMIN ? "billing.budget.threshold"
                : "conversation.handoff", Severity.WARNING, minRole, "80 % used",
                "Your bots used 80 % of the monthly LLM budget.", Map.of("percent", "80"), "/billing", dedupKey);
        return scope.write(tenant, () -> notifications.raise(tenant, draft)).orElseThrow().toString();
    }

}
