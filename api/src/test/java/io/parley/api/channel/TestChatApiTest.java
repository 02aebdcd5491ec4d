package io.parley.api.channel;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import io.parley.core.contact.ContactRepository;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/bots/{botId}/test-chat: the bot's hidden web chat channel for the dashboard's test chat. */
@MicronautTest(transactional = false)
class TestChatApiTest extends ApiTest {

    @Inject
    TenantScope scope;
    @Inject
    ContactRepository contacts;

    @Test
    void opensOneHiddenWebChannelPerBotAndANewSessionEachTime() {
        Workspace shop = Workspace.create(api(), "Test Chat Co");

        Reply first = openTestChat(shop, shop.owner().accessToken());
        Reply second = openTestChat(shop, shop.owner().accessToken());

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.string("widgetKey")).startsWith("pwk_");
        assertThat(second.string("widgetKey")).isEqualTo(first.string("widgetKey"));
        assertThat(second.string("channelId")).isEqualTo(first.string("channelId"));
        assertThat(List.of(first.string("sessionId"), second.string("sessionId")))
                .allMatch(id -> id.matches("[A-Za-z0-9_-]{16,100}")).doesNotHaveDuplicates();
        assertThat(api().get(shop.channels(), shop.owner().accessToken()).items()).isEmpty();
        List<Map<String, Object>> all = api().get(shop.channels() + "?includeTest=true", shop.owner().accessToken()).items();
        assertThat(all).singleElement().satisfies(channel -> {
            assertThat(channel.get("id")).isEqualTo(first.string("channelId"));
            assertThat(channel.get("type")).isEqualTo("web");
            assertThat(channel.get("testOnly")).isEqualTo(true);
        });
        assertThat(Workspace.rawRows("SELECT tenant_id FROM channel_routes WHERE widget_key = ?", first.string("widgetKey")))
                .singleElement().satisfies(route -> assertThat(route.get("tenant_id")).isEqualTo(shop.owner().tenantId()));
    }

    @Test
    void theTestChannelDoesNotCountAgainstThePlansChannelLimit() {
        Workspace shop = Workspace.create(api(), "Free Test Co");
        openTestChat(shop, shop.owner().accessToken());

        shop.connected("web", Map.of());
        shop.connected("line", Workspace.lineCredentials());

        assertThat(shop.connect("web", Map.of()).status()).isEqualTo(402);
    }

    @Test
    void creatingTheTestChannelIsAuditedOnce() {
        Workspace shop = Workspace.create(api(), "Audit Test Co");
        String channelId = openTestChat(shop, shop.owner().accessToken()).string("channelId");
        openTestChat(shop, shop.owner().accessToken());

        List<Map<String, Object>> entries = api().get("/api/v1/audit-log", shop.owner().accessToken()).items().stream()
                .filter(e -> channelId.equals(e.get("targetId"))).toList();

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.get("action")).isEqualTo("channel.created");
            assertThat(entry.get("details")).isEqualTo(Map.of("botId", shop.botId(), "type", "web", "name", "Test chat",
                    "testOnly", true));
        });
    }

    @Test
    void anotherTenantsBotIsNotFound() {
        Workspace own = Workspace.create(api(), "Test Chat A");
        Workspace other = Workspace.create(api(), "Test Chat B");

        Reply reply = openTestChat(other, own.owner().accessToken());

        assertThat(reply.status()).as(reply.text()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(api().get(other.channels() + "?includeTest=true", other.owner().accessToken()).items()).isEmpty();
        assertThat(api().post("/api/v1/bots/not-an-id/test-chat", own.owner().accessToken(), Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void agentsMayTestButViewersMayNot() {
        Workspace shop = Workspace.create(api(), "Test Roles Co");
        Teams teams = new Teams(api());
        Session agent = teams.addMember(shop.owner(), "agent");
        Session viewer = teams.addMember(shop.owner(), "viewer");

        assertThat(openTestChat(shop, agent.accessToken()).status()).isEqualTo(200);
        Reply refused = openTestChat(shop, viewer.accessToken());
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
    }

    @Test
    void contactsFirstSeenOnTheTestChannelAreTestContacts() {
        Workspace shop = Workspace.create(api(), "Test Contacts Co");
        UUID testChannel = UUID.fromString(openTestChat(shop, shop.owner().accessToken()).string("channelId"));
        UUID liveChannel = UUID.fromString(shop.connected("web", Map.of()));
        TenantId tenant = new TenantId(UUID.fromString(shop.owner().tenantId()));

        UUID tester = scope.write(tenant, () -> contacts.upsertByIdentity(tenant.value(), testChannel,
                "test_session_0123456789", null, null).contact().id());
        UUID customer = scope.write(tenant, () -> contacts.upsertByIdentity(tenant.value(), liveChannel,
                "live_session_0123456789", null, null).contact().id());

        assertThat(Workspace.rawRows("SELECT test_only FROM contacts WHERE id = ?", tester)).singleElement()
                .satisfies(row -> assertThat(row.get("test_only")).isEqualTo("t"));
        assertThat(Workspace.rawRows("SELECT test_only FROM contacts WHERE id = ?", customer)).singleElement()
                .satisfies(row -> assertThat(row.get("test_only")).isEqualTo("f"));
    }

    private Reply openTestChat(Workspace shop, String credential) {
        return api().post("/api/v1/bots/" + shop.botId() + "/test-chat", credential, Map.of());
    }
}
