package io.parley.api.channel;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a channel may be: valid credentials per type, within the plan, connected once, changed by admins. */
@MicronautTest(transactional = false)
class ChannelRulesTest extends ApiTest {

    @Test
    void missingCredentialsAreListedFieldByFieldForEachType() {
        Workspace shop = Workspace.create(api(), "Validation Co");

        assertInvalid(shop.connect("line", Map.of()), "credentials.channelAccessToken", "credentials.channelSecret");
        assertInvalid(shop.connect("whatsapp", Map.of("accessToken", "EAAGtoken")),
                "credentials.appSecret", "credentials.phoneNumberId");
        assertInvalid(shop.connect("telegram", Map.of()), "credentials.botToken");
        assertInvalid(api().post(shop.channels(), shop.owner().accessToken(), Map.of("type", "line")),
                "credentials.channelAccessToken", "credentials.channelSecret");
    }

    @Test
    void malformedCredentialsAreRefusedWithAReason() {
        Workspace shop = Workspace.create(api(), "Format Co");

        Reply telegram = shop.connect("telegram", Map.of("botToken", "not-a-token"));
        assertInvalid(telegram, "credentials.botToken");
        assertThat(telegram.string("errors.0.message")).contains("123456789:");
        Map<String, Object> whatsapp = new java.util.HashMap<>(Workspace.whatsappCredentials());
        whatsapp.put("phoneNumberId", "+1 555 0100");
        assertInvalid(shop.connect("whatsapp", whatsapp), "credentials.phoneNumberId");
        whatsapp.put("phoneNumberId", true);
        assertInvalid(shop.connect("whatsapp", whatsapp), "credentials.phoneNumberId");
        Map<String, String> line = new java.util.HashMap<>(Workspace.lineCredentials());
        line.put("botToken", "123:abc");
        Reply stray = shop.connect("line", line);
        assertInvalid(stray, "credentials.botToken");
        assertThat(stray.string("errors.0.message")).contains("channelSecret, channelAccessToken");
        assertInvalid(shop.connect("web", Map.of("widgetKey", "x")), "credentials.widgetKey");
        assertInvalid(shop.connect("sms", Map.of()), "type");
        assertThat(stray.text()).doesNotContain(line.get("channelAccessToken"));
    }

    @Test
    void aNumericPhoneNumberIdIsAccepted() {
        Workspace shop = Workspace.create(api(), "Numeric Co");
        Map<String, Object> whatsapp = new java.util.HashMap<>(Workspace.whatsappCredentials());
        long number = Long.parseLong(Workspace.digits());
        whatsapp.put("phoneNumberId", number);

        Reply created = shop.connect("whatsapp", whatsapp);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("externalId")).isEqualTo(String.valueOf(number));
    }

    @Test
    void theFreePlanAllowsTwoChannels() {
        Workspace shop = Workspace.create(api(), "Free Co");
        shop.connected("web", Map.of());
        shop.connected("line", Workspace.lineCredentials());

        Reply third = shop.connect("web", Map.of());

        assertThat(third.status()).isEqualTo(402);
        assertThat(third.string("type")).isEqualTo("https://parley.dev/problems/plan-limit-reached");
        assertThat(third.string("errors.0.field")).isEqualTo("plan.maxChannels");
        assertThat(api().get(shop.channels(), shop.owner().accessToken()).items()).hasSize(2);
    }

    @Test
    void aWhatsAppNumberOrTelegramBotIsConnectedByOneTenantOnly() {
        Workspace first = Workspace.create(api(), "First Owner Co");
        Workspace second = Workspace.create(api(), "Second Owner Co");
        Map<String, String> whatsapp = Workspace.whatsappCredentials();
        Map<String, String> telegram = Workspace.telegramCredentials();
        first.connected("whatsapp", whatsapp);
        first.connected("telegram", telegram);
        Map<String, String> sameNumber = new java.util.HashMap<>(Workspace.whatsappCredentials());
        sameNumber.put("phoneNumberId", whatsapp.get("phoneNumberId"));
        String token = telegram.get("botToken");
        Map<String, String> sameBot = Map.of("botToken", token.substring(0, token.indexOf(':')) + ":AAHanotherTokenSameBot");

        Reply number = second.connect("whatsapp", sameNumber);
        Reply bot = second.connect("telegram", sameBot);

        assertThat(number.status()).isEqualTo(409);
        assertThat(number.string("detail")).startsWith("This WhatsApp number is already connected to a Parley account");
        assertThat(bot.status()).isEqualTo(409);
        assertThat(bot.string("detail")).startsWith("This Telegram bot is already connected to a Parley account");
        for (Reply refused : List.of(number, bot)) {
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text()).doesNotContain(first.owner().tenantId()).doesNotContain("First Owner Co");
        }
        assertThat(api().get(second.channels(), second.owner().accessToken()).items()).isEmpty();

        String own = second.connected("whatsapp", Workspace.whatsappCredentials());
        Reply switched = api().patch(second.channel(own), second.owner().accessToken(), Map.of("credentials", sameNumber));
        assertThat(switched.status()).isEqualTo(409);
        assertThat(api().get(second.channel(own), second.owner().accessToken()).string("externalId"))
                .isNotEqualTo(whatsapp.get("phoneNumberId"));
    }

    @Test
    void agentsAndViewersReadButCannotChangeChannels() {
        Workspace shop = Workspace.create(api(), "Roles Co");
        String id = shop.connected("web", Map.of());
        Teams teams = new Teams(api());
        for (Session member : List.of(teams.addMember(shop.owner(), "agent"), teams.addMember(shop.owner(), "viewer"))) {
            String token = member.accessToken();
            assertThat(api().get(shop.channels(), token).status()).isEqualTo(200);
            assertThat(api().get(shop.channel(id), token).status()).isEqualTo(200);
            assertForbidden(api().post(shop.channels(), token, Map.of("type", "web", "credentials", Map.of())));
            assertForbidden(api().patch(shop.channel(id), token, Map.of("name", "mine")));
            assertForbidden(api().delete(shop.channel(id), token));
            assertForbidden(api().post(shop.channel(id) + "/verify", token, Map.of()));
        }
        String viewerKey = api().post("/api/v1/api-keys", shop.owner().accessToken(),
                Map.of("name", "read", "role", "viewer")).string("key");
        assertForbidden(api().delete(shop.channel(id), viewerKey));
        assertThat(api().get(shop.channel(id), shop.owner().accessToken()).at("name")).isNull();
    }

    @Test
    void anUnknownBotHasNoChannels() {
        Workspace shop = Workspace.create(api(), "No Bot Co");
        String missing = "/api/v1/bots/01936f0e-8a4b-7c3d-9e2f-1a2b3c4d5e6f/channels";

        assertThat(api().get(missing, shop.owner().accessToken()).status()).isEqualTo(404);
        assertThat(api().post(missing, shop.owner().accessToken(), Map.of("type", "web", "credentials", Map.of()))
                .string("detail")).isEqualTo("Bot not found");
    }

    private static void assertInvalid(Reply reply, String... fields) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.string("type")).isEqualTo("https://parley.dev/problems/validation-failed");
        List<String> named = ((List<?>) reply.at("errors")).stream()
                .map(error -> String.valueOf(((Map<?, ?>) error).get("field"))).toList();
        assertThat(named).containsExactly(fields);
    }

    private static void assertForbidden(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
