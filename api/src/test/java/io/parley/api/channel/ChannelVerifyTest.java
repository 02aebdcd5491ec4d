package io.parley.api.channel;

import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiTest;
import io.parley.core.secrets.SecretBox;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The verify action against local fake LINE, WhatsApp and Telegram APIs that answer with the protocol fixtures. */
@MicronautTest(transactional = false)
class ChannelVerifyTest extends ApiTest {

    private static final String PUBLIC_URL = "https://bots.example.test";

    private final FakeProviders providers = FakeProviders.start();

    @Inject
    SecretBox secrets;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(providers.properties());
        properties.put("parley.public-url", PUBLIC_URL);
        properties.put("parley.providers.timeout", "2s");
        return properties;
    }

    @AfterEach
    void providersBackToNormal() {
        providers.outage(0);
        providers.stall(0);
    }

    @AfterAll
    void stopProviders() {
        providers.close();
    }

    @Test
    void lineVerifyLearnsTheBotUserIdAndMarksTheChannelHealthy() {
        Workspace shop = Workspace.create(api(), "Verify Line Co");
        FakeProviders.Bot bot = providers.lineBot("Lumi");
        String id = shop.connected("line", lineCredentials(bot.token()));

        Reply verified = shop.verify(id);

        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        assertThat(verified.string("status")).isEqualTo("healthy");
        assertThat(verified.at("account")).isEqualTo(Map.of("id", bot.id(), "name", "Lumi", "handle", "@123abcde"));
        assertThat(verified.string("detail")).contains("Lumi");
        assertThat(verified.string("checkedAt")).isNotNull();
        Reply channel = api().get(shop.channel(id), shop.owner().accessToken());
        assertThat(channel.string("health")).isEqualTo("healthy");
        assertThat(channel.string("healthDetail")).isEqualTo(verified.string("detail"));
        assertThat(channel.string("verifiedAt")).isNotNull();
        assertThat(channel.string("externalId")).isEqualTo(bot.id());
        assertThat(verified.text()).doesNotContain(bot.token());
    }

    @Test
    void lineVerifyWithARejectedTokenIsUnhealthyWithAClearDetail() {
        Workspace shop = Workspace.create(api(), "Bad Line Co");
        String id = shop.connected("line", lineCredentials("revoked-" + UUID.randomUUID()));

        Reply verified = shop.verify(id);

        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.string("status")).isEqualTo("unhealthy");
        assertThat(verified.string("detail")).startsWith("LINE rejected the channel access token (401)");
        assertThat(verified.at("account")).isNull();
        Reply channel = api().get(shop.channel(id), shop.owner().accessToken());
        assertThat(channel.string("health")).isEqualTo("unhealthy");
        assertThat(channel.at("externalId")).isNull();
    }

    @Test
    void theSameLineBotCannotBeVerifiedInTwoTenants() {
        FakeProviders.Bot bot = providers.lineBot("Shared");
        Workspace first = Workspace.create(api(), "Line Owner Co");
        Workspace second = Workspace.create(api(), "Line Copycat Co");
        assertThat(first.verify(first.connected("line", lineCredentials(bot.token()))).string("status"))
                .isEqualTo("healthy");
        String copy = second.connected("line", lineCredentials(bot.token()));

        Reply refused = second.verify(copy);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.string("detail")).startsWith("This LINE channel is already connected to a Parley account");
        assertThat(refused.text()).doesNotContain("Line Owner Co").doesNotContain(first.owner().tenantId());
        Reply channel = api().get(second.channel(copy), second.owner().accessToken());
        assertThat(channel.string("health")).isEqualTo("unverified");
        assertThat(channel.at("externalId")).isNull();
    }

    @Test
    void whatsappVerifyReadsThePhoneNumber() {
        Workspace shop = Workspace.create(api(), "Verify WhatsApp Co");
        Map<String, String> credentials = new HashMap<>(Workspace.whatsappCredentials());
        credentials.put("accessToken", providers.whatsappToken());
        String id = shop.connected("whatsapp", credentials);

        Reply verified = shop.verify(id);

        assertThat(verified.string("status")).as(verified.text()).isEqualTo("healthy");
        assertThat(verified.at("account")).isEqualTo(Map.of("id", credentials.get("phoneNumberId"),
                "name", "Lumi Cafe", "handle", "+1 555-0100"));
    }

    @Test
    void whatsappVerifyWithAnExpiredTokenIsUnhealthy() {
        Workspace shop = Workspace.create(api(), "Expired WhatsApp Co");
        String id = shop.connected("whatsapp", Workspace.whatsappCredentials());

        Reply verified = shop.verify(id);

        assertThat(verified.string("status")).isEqualTo("unhealthy");
        assertThat(verified.string("detail")).startsWith("WhatsApp rejected the access token (code 190)")
                .contains("Session has expired");
    }

    @Test
    void telegramVerifySetsTheWebhookWithAStoredSecretToken() throws IOException {
        Workspace shop = Workspace.create(api(), "Verify Telegram Co");
        FakeProviders.Bot bot = providers.telegramBot("Lumi");
        String id = shop.connected("telegram", Map.of("botToken", bot.token()));

        Reply verified = shop.verify(id);

        assertThat(verified.string("status")).as(verified.text()).isEqualTo("healthy");
        assertThat(verified.at("account")).isEqualTo(Map.of("id", bot.id(), "name", "Lumi", "handle", "@lumi_test_bot"));
        List<FakeProviders.SetWebhook> calls = providers.setWebhooks(bot.token());
        assertThat(calls).hasSize(1);
        Map<String, Object> body = json.readValue(calls.get(0).body(), Argument.mapOf(String.class, Object.class));
        assertThat(body.get("url")).isEqualTo(PUBLIC_URL + "/webhooks/telegram/" + id);
        String secretToken = (String) body.get("secret_token");
        assertThat(secretToken).matches("[A-Za-z0-9_-]{1,256}");
        assertThat(body.get("allowed_updates")).isEqualTo(List.of("message", "callback_query", "my_chat_member"));
        assertThat(storedCredentials(shop, id)).containsEntry("webhookSecret", secretToken)
                .containsEntry("botToken", bot.token());
        assertThat(verified.text()).doesNotContain(secretToken).doesNotContain(bot.token());

        shop.verify(id);
        Map<String, Object> again = json.readValue(providers.setWebhooks(bot.token()).get(1).body(),
                Argument.mapOf(String.class, Object.class));
        assertThat(again.get("secret_token")).as("the secret survives a second verify").isEqualTo(secretToken);
    }

    @Test
    void telegramVerifyWithABadTokenIsUnhealthyAndSetsNoWebhook() {
        Workspace shop = Workspace.create(api(), "Bad Telegram Co");
        Map<String, String> credentials = Workspace.telegramCredentials();
        String id = shop.connected("telegram", credentials);

        Reply verified = shop.verify(id);

        assertThat(verified.string("status")).isEqualTo("unhealthy");
        assertThat(verified.string("detail")).startsWith("Telegram rejected the bot token (401)");
        assertThat(providers.setWebhooks(credentials.get("botToken"))).isEmpty();
    }

    @Test
    void aNewWebChannelIsHealthyFromTheStart() {
        Workspace shop = Workspace.create(api(), "Fresh Web Co");
        String id = shop.connected("web", Map.of());

        var channel = api().get(shop.channel(id), shop.owner().accessToken());
        assertThat(channel.string("health")).isEqualTo("healthy");
        assertThat(channel.string("healthDetail")).contains("needs no provider");
        assertThat(channel.at("verifiedAt")).isNotNull();
    }

    @Test
    void webChannelsHaveNothingToCheck() {
        Workspace shop = Workspace.create(api(), "Verify Web Co");
        String id = shop.connected("web", Map.of());

        assertThat(shop.verify(id).string("status")).isEqualTo("healthy");
        assertThat(api().get(shop.channel(id), shop.owner().accessToken()).string("health")).isEqualTo("healthy");
    }

    @Test
    void newCredentialsMakeAVerifiedChannelUnverifiedAgain() {
        Workspace shop = Workspace.create(api(), "Reset Co");
        FakeProviders.Bot bot = providers.lineBot("Before");
        String id = shop.connected("line", lineCredentials(bot.token()));
        shop.verify(id);

        Reply replaced = api().patch(shop.channel(id), shop.owner().accessToken(),
                Map.of("credentials", lineCredentials(providers.lineBot("After").token())));

        assertThat(replaced.string("health")).isEqualTo("unverified");
        assertThat(replaced.at("verifiedAt")).isNull();
        assertThat(replaced.at("externalId")).as("LINE's id is learned again on verify").isNull();
    }

    @Test
    void aProviderOutageIsA502AndLeavesTheChannelAsItWas() {
        Workspace shop = Workspace.create(api(), "Outage Co");
        String id = shop.connected("line", lineCredentials(providers.lineBot("Down").token()));
        providers.outage(503);

        Reply failed = shop.verify(id);

        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(failed.string("type")).isEqualTo("https://parley.dev/problems/provider-unreachable");
        assertThat(failed.string("detail")).startsWith("LINE answered 503");
        assertThat(api().get(shop.channel(id), shop.owner().accessToken()).string("health")).isEqualTo("unverified");
        assertThat(auditActions(shop, id)).containsExactly("channel.created");
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeIsA502() {
        Workspace shop = Workspace.create(api(), "Slow Co");
        FakeProviders.Bot bot = providers.telegramBot("Slow");
        String id = shop.connected("telegram", Map.of("botToken", bot.token()));
        providers.stall(4_000);

        Reply failed = shop.verify(id);

        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.string("detail")).startsWith("Telegram did not answer within 2 s");
        assertThat(failed.text()).doesNotContain(bot.token());
    }

    @Test
    void verifyIsAuditedWithItsStatus() {
        Workspace shop = Workspace.create(api(), "Verify Audit Co");
        String id = shop.connected("line", lineCredentials("bad-" + UUID.randomUUID()));
        shop.verify(id);

        Reply log = api().get("/api/v1/audit-log", shop.owner().accessToken());
        Map<String, Object> entry = log.items().stream()
                .filter(e -> "channel.verified".equals(e.get("action")) && id.equals(e.get("targetId")))
                .findFirst().orElseThrow();

        assertThat(entry.get("details")).isEqualTo(Map.of("status", "unhealthy"));
    }

    private static Map<String, String> lineCredentials(String accessToken) {
        return Map.of("channelSecret", UUID.randomUUID().toString().replace("-", ""), "channelAccessToken", accessToken);
    }

    /** Opens the sealed column the way the worker will. */
    private Map<String, String> storedCredentials(Workspace shop, String channelId) throws IOException {
        String sealed = Workspace.rawRows("SELECT credentials_sealed FROM channels WHERE id = ?",
                UUID.fromString(channelId)).get(0).get("credentials_sealed");
        String document = secrets.open(sealed, "tenant:" + shop.owner().tenantId() + "/channel:" + channelId
                + "/credentials");
        return json.readValue(document, Argument.mapOf(String.class, String.class));
    }

    private List<Object> auditActions(Workspace shop, String channelId) {
        return api().get("/api/v1/audit-log", shop.owner().accessToken()).items().stream()
                .filter(e -> channelId.equals(e.get("targetId"))).map(e -> e.get("action")).toList();
    }
}
