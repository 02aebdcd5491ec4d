package io.parley.api.channel;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiTest;
import io.parley.core.channel.ChannelRouteRepository;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ChannelApiTest extends ApiTest {

    private static final String PUBLIC_URL = "https://parley.example.test";

    @Inject
    ChannelRouteRepository routes;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.public-url", PUBLIC_URL + "/");
    }

    @Test
    void lineChannelShowsHintsAndItsWebhookUrlButNeverTheSecrets() {
        Workspace shop = Workspace.create(api(), "Line Co");
        Map<String, String> credentials = Workspace.lineCredentials();

        Reply created = api().post(shop.channels(), shop.owner().accessToken(),
                Map.of("type", "line", "name", "Lumi on LINE", "credentials", credentials));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.string("id");
        assertThat(created.string("type")).isEqualTo("line");
        assertThat(created.string("name")).isEqualTo("Lumi on LINE");
        assertThat(created.string("botId")).isEqualTo(shop.botId());
        assertThat(created.string("webhookUrl")).isEqualTo(PUBLIC_URL + "/webhooks/line/" + id);
        assertThat(created.at("credentials.channelSecret"))
                .isEqualTo(Map.of("set", true, "last4", "…" + last4(credentials.get("channelSecret"))));
        assertThat(created.at("credentials.channelAccessToken"))
                .isEqualTo(Map.of("set", true, "last4", "…" + last4(credentials.get("channelAccessToken"))));
        assertThat(created.string("health")).isEqualTo("unverified");
        assertThat(created.at("externalId")).isNull();
        assertThat(created.at("verifyToken")).isNull();
        assertThat(created.at("widgetKey")).isNull();
        for (Reply read : List.of(created, api().get(shop.channel(id), shop.owner().accessToken()),
                api().get(shop.channels(), shop.owner().accessToken()))) {
            assertThat(read.status()).isIn(200, 201);
            assertRevealsNone(read, credentials);
        }
    }

    @Test
    void whatsappChannelGetsAGeneratedVerifyTokenAndIsKnownByItsPhoneNumberId() {
        Workspace shop = Workspace.create(api(), "WhatsApp Co");
        Map<String, String> credentials = Workspace.whatsappCredentials();

        Reply created = shop.connect("whatsapp", credentials);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("webhookUrl")).isEqualTo(PUBLIC_URL + "/webhooks/whatsapp/" + created.string("id"));
        assertThat(created.string("externalId")).isEqualTo(credentials.get("phoneNumberId"));
        assertThat(created.string("verifyToken")).matches("[A-Za-z0-9_-]{32}");
        assertThat(((Map<?, ?>) created.at("credentials")).keySet()).isEqualTo(java.util.Set.of("accessToken", "appSecret"));
        assertRevealsNone(created, Map.of("accessToken", credentials.get("accessToken"),
                "appSecret", credentials.get("appSecret")));

        Map<String, String> chosen = new java.util.HashMap<>(Workspace.whatsappCredentials());
        chosen.put("verifyToken", "my-own-verify-token");
        assertThat(shop.connect("whatsapp", chosen).string("verifyToken")).isEqualTo("my-own-verify-token");
    }

    @Test
    void telegramChannelIsKnownByTheBotIdInItsToken() {
        Workspace shop = Workspace.create(api(), "Telegram Co");
        Map<String, String> credentials = Workspace.telegramCredentials();
        String token = credentials.get("botToken");

        Reply created = shop.connect("telegram", credentials);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("externalId")).isEqualTo(token.substring(0, token.indexOf(':')));
        assertThat(created.at("credentials.botToken")).isEqualTo(Map.of("set", true, "last4", "…" + last4(token)));
        assertRevealsNone(created, credentials);
    }

    @Test
    void webChannelGetsAWidgetKeyAndAnEmbedSnippetAndARoute() {
        Workspace shop = Workspace.create(api(), "Web Co");

        Reply created = shop.connect("web", Map.of());

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String widgetKey = created.string("widgetKey");
        assertThat(widgetKey).matches("pwk_[A-Za-z0-9_-]{32}");
        assertThat(created.string("embedSnippet")).isEqualTo("<script src=\"" + PUBLIC_URL + "/widget.js\" "
                + "data-parley-widget=\"" + widgetKey + "\" async></script>");
        assertThat(created.at("credentials")).isEqualTo(Map.of());
        assertThat(routes.findByWidgetKey(widgetKey)).get().satisfies(route -> {
            assertThat(route.channelId()).hasToString(created.string("id"));
            assertThat(route.tenantId()).hasToString(shop.owner().tenantId());
            assertThat(route.type()).isEqualTo("web");
        });
        assertThat(shop.connect("web", Map.of()).string("widgetKey")).isNotEqualTo(widgetKey);
    }

    @Test
    void credentialsAreEncryptedAtRestAndNeverInRoutesOrAudit() {
        Workspace shop = Workspace.create(api(), "At Rest Co");
        Map<String, String> line = Workspace.lineCredentials();
        Map<String, String> whatsapp = Workspace.whatsappCredentials();
        String lineId = shop.connected("line", line);
        String whatsappId = shop.connected("whatsapp", whatsapp);
        String verifyToken = api().get(shop.channel(whatsappId), shop.owner().accessToken()).string("verifyToken");

        List<Map<String, String>> rows = Workspace.rawRows("SELECT * FROM channels WHERE id IN (?, ?)",
                UUID.fromString(lineId), UUID.fromString(whatsappId));
        rows.addAll(Workspace.rawRows("SELECT * FROM channel_routes WHERE tenant_id = ?",
                UUID.fromString(shop.owner().tenantId())));
        rows.addAll(Workspace.rawRows("SELECT * FROM audit_log WHERE tenant_id = ?",
                UUID.fromString(shop.owner().tenantId())));

        assertThat(rows).hasSizeGreaterThanOrEqualTo(6);
        List<String> secrets = List.of(line.get("channelSecret"), line.get("channelAccessToken"),
                whatsapp.get("accessToken"), whatsapp.get("appSecret"), verifyToken);
        for (Map<String, String> row : rows) {
            for (String value : row.values()) {
                for (String secret : secrets) {
                    assertThat(value == null ? "" : value).doesNotContain(secret)
                            .doesNotContain(secret.substring(0, secret.length() - 4));
                }
            }
        }
        assertThat(rows.get(0).get("credentials_sealed")).startsWith("v1:");
    }

    @Test
    void patchMergesCredentialsAndUpdatesTheHints() {
        Workspace shop = Workspace.create(api(), "Replace Co");
        Map<String, String> old = Workspace.lineCredentials();
        String id = shop.connected("line", old);
        Map<String, String> fresh = Workspace.lineCredentials();

        Reply replaced = api().patch(shop.channel(id), shop.owner().accessToken(), Map.of("credentials", fresh));

        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        assertThat(replaced.string("credentials.channelAccessToken.last4"))
                .isEqualTo("…" + last4(fresh.get("channelAccessToken")));
        Reply read = api().get(shop.channel(id), shop.owner().accessToken());
        assertRevealsNone(read, old);
        assertRevealsNone(read, fresh);
        String sealed = Workspace.rawRows("SELECT credentials_sealed FROM channels WHERE id = ?", UUID.fromString(id))
                .get(0).get("credentials_sealed");
        assertThat(sealed).doesNotContain(fresh.get("channelSecret"));

        Map<String, String> newer = Workspace.lineCredentials();
        Reply partial = api().patch(shop.channel(id), shop.owner().accessToken(),
                Map.of("credentials", Map.of("channelSecret", newer.get("channelSecret"))));
        assertThat(partial.status()).as("merge patch: the token left out is kept").isEqualTo(200);
        assertThat(partial.string("credentials.channelAccessToken.last4"))
                .isEqualTo("…" + last4(fresh.get("channelAccessToken")));

        java.util.Map<String, Object> removal = new java.util.HashMap<>();
        removal.put("channelAccessToken", null);
        Reply removed = api().patch(shop.channel(id), shop.owner().accessToken(), Map.of("credentials", removal));
        assertThat(removed.status()).as("null removes a required credential: refused").isEqualTo(400);
        assertThat(removed.string("errors.0.field")).isEqualTo("credentials.channelAccessToken");
    }

    @Test
    void patchRenamesWithoutTouchingCredentials() {
        Workspace shop = Workspace.create(api(), "Rename Co");
        Map<String, String> credentials = Workspace.telegramCredentials();
        Reply created = shop.connect("telegram", credentials);
        String id = created.string("id");

        Reply renamed = api().patch(shop.channel(id), shop.owner().accessToken(), Map.of("name", "Support bot"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.string("name")).isEqualTo("Support bot");
        assertThat(renamed.at("credentials")).isEqualTo(created.at("credentials"));
        assertThat(renamed.string("externalId")).isEqualTo(created.string("externalId"));

        assertThat(api().patch(shop.channel(id), shop.owner().accessToken(), Map.of("name", "")).at("name")).isNull();
    }

    @Test
    void whatsappKeepsItsVerifyTokenWhenNewCredentialsLeaveItOut() {
        Workspace shop = Workspace.create(api(), "Keep Token Co");
        Reply created = shop.connect("whatsapp", Workspace.whatsappCredentials());
        Map<String, String> fresh = Workspace.whatsappCredentials();

        Reply replaced = api().patch(shop.channel(created.string("id")), shop.owner().accessToken(),
                Map.of("credentials", fresh));

        assertThat(replaced.string("verifyToken")).isEqualTo(created.string("verifyToken"));
        assertThat(replaced.string("externalId")).isEqualTo(fresh.get("phoneNumberId"));
    }

    @Test
    void listIsPagedNewestFirst() {
        Workspace shop = Workspace.create(api(), "Paging Co");
        String first = shop.connected("web", Map.of());
        String second = shop.connected("web", Map.of());

        Reply page1 = api().get(shop.channels() + "?limit=1", shop.owner().accessToken());
        Reply page2 = api().get(shop.channels() + "?limit=1&cursor=" + page1.string("nextCursor"),
                shop.owner().accessToken());

        assertThat(page1.items()).extracting(c -> c.get("id")).containsExactly(second);
        assertThat(page2.items()).extracting(c -> c.get("id")).containsExactly(first);
        assertThat(page2.at("nextCursor")).isNull();
    }

    @Test
    void deletingAChannelRemovesItsRoute() {
        Workspace shop = Workspace.create(api(), "Delete Co");
        String id = shop.connected("web", Map.of());

        assertThat(api().delete(shop.channel(id), shop.owner().accessToken()).status()).isEqualTo(204);

        assertThat(api().get(shop.channel(id), shop.owner().accessToken()).status()).isEqualTo(404);
        assertThat(routes.find(UUID.fromString(id))).isEmpty();
        assertThat(api().delete(shop.channel(id), shop.owner().accessToken()).status()).isEqualTo(404);
    }

    @Test
    void deletingTheBotRemovesItsChannelsAndRoutes() {
        Workspace shop = Workspace.create(api(), "Bot Delete Co");
        String line = shop.connected("line", Workspace.lineCredentials());
        String web = shop.connected("web", Map.of());

        assertThat(api().delete("/api/v1/bots/" + shop.botId(), shop.owner().accessToken()).status()).isEqualTo(204);

        for (String id : List.of(line, web)) {
            assertThat(Workspace.rawRows("SELECT id FROM channels WHERE id = ?", UUID.fromString(id))).isEmpty();
            assertThat(routes.find(UUID.fromString(id))).isEmpty();
        }
    }

    @Test
    void everyChangeIsAuditedWithoutValues() {
        Workspace shop = Workspace.create(api(), "Audit Co");
        Map<String, String> credentials = Workspace.lineCredentials();
        Reply created = api().post(shop.channels(), shop.owner().accessToken(),
                Map.of("type", "line", "name", "Main", "credentials", credentials));
        String id = created.string("id");
        Map<String, String> fresh = Workspace.lineCredentials();
        api().patch(shop.channel(id), shop.owner().accessToken(), Map.of("name", "Renamed", "credentials", fresh));
        api().delete(shop.channel(id), shop.owner().accessToken());

        Reply log = api().get("/api/v1/audit-log", shop.owner().accessToken());
        List<Map<String, Object>> entries = log.items().stream().filter(e -> id.equals(e.get("targetId"))).toList();

        assertThat(entries).extracting(e -> e.get("action"))
                .containsExactly("channel.deleted", "channel.updated", "channel.created");
        assertThat(entries.get(2).get("details"))
                .isEqualTo(Map.of("botId", shop.botId(), "type", "line", "name", "Main"));
        assertThat(entries.get(1).get("details")).isEqualTo(Map.of("fields", List.of("name", "credentials")));
        assertThat(entries.get(0).get("targetType")).isEqualTo("channel");
        assertRevealsNone(log, credentials);
        assertRevealsNone(log, fresh);
    }

    @Test
    @SuppressWarnings("unchecked")
    void channelEndpointsAreDocumentedWithTheirSchemas() {
        Map<String, Object> spec = new org.yaml.snakeyaml.Yaml().load(api().get("/openapi/parley-api.yml", null).text());
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("schemas");

        assertThat(paths.get("/api/v1/bots/{botId}/channels")).containsKeys("get", "post");
        assertThat(paths.get("/api/v1/bots/{botId}/channels/{channelId}")).containsKeys("get", "patch", "delete");
        Map<String, Object> verify = (Map<String, Object>) paths.get("/api/v1/bots/{botId}/channels/{channelId}/verify")
                .get("post");
        assertThat((Map<String, Object>) verify.get("responses")).containsKeys("200", "404", "502");
        assertThat(schemas).containsKeys("Channel", "CreateChannelRequest", "UpdateChannelRequest", "CredentialHint",
                "ChannelVerification", "ProviderAccount");
        assertThat(paths.get("/api/v1/bots/{botId}/channels").get("post").toString())
                .contains("channelAccessToken", "phoneNumberId", "botToken");
    }

    /** Neither a secret nor all but its last 4 characters appear anywhere in the body. */
    static void assertRevealsNone(Reply reply, Map<String, String> secrets) {
        for (String secret : secrets.values()) {
            assertThat(reply.text()).doesNotContain(secret).doesNotContain(secret.substring(0, secret.length() - 4));
        }
    }

    private static String last4(String secret) {
        return secret.substring(secret.length() - 4);
    }
}
