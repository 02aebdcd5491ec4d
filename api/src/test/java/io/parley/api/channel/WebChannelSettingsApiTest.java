package io.parley.api.channel;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A web chat channel's settings and identity secret through the channels API. */
@MicronautTest(transactional = false)
class WebChannelSettingsApiTest extends ApiTest {

    private static final String PUBLIC_URL = "https://parley.example.test";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.public-url", PUBLIC_URL);
    }

    @Test
    void aNewWebChannelHasTheDefaultsAndItsHostedPageUrl() {
        Workspace shop = Workspace.create(api(), "Web Defaults Co");
        Reply created = shop.connect("web", Map.of());

        assertThat(created.at("web.allowedOrigins")).isEqualTo(List.of());
        assertThat(created.at("web.requireIdentity")).isEqualTo(false);
        assertThat(created.at("web.maxMessageLength")).isEqualTo(4000);
        assertThat(created.at("web.identitySecretSet")).isEqualTo(false);
        assertThat(created.string("web.hostedPageUrl")).isEqualTo(PUBLIC_URL + "/c/" + created.string("widgetKey"));
        assertThat(shop.connect("line", Workspace.lineCredentials()).at("web")).isNull();
    }

    @Test
    void settingsMergeMemberByMemberAndNullRestoresTheDefault() {
        Workspace shop = Workspace.create(api(), "Web Patch Co");
        String id = shop.connected("web", Map.of());

        Reply first = patch(shop, id, Map.of("allowedOrigins", List.of("HTTPS://Shop.Example:443/", "http://localhost:5173"),
                "maxMessageLength", 500, "offlineText", "Call 1925 if you need help now.", "color", "#0F766E"));
        Map<String, Object> reset = new HashMap<>();
        reset.put("maxMessageLength", null);
        Reply second = patch(shop, id, reset);

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.at("web.allowedOrigins")).isEqualTo(List.of("https://shop.example", "http://localhost:5173"));
        assertThat(first.at("web.maxMessageLength")).isEqualTo(500);
        assertThat(first.at("web.color")).isEqualTo("#0f766e");
        assertThat(second.at("web.maxMessageLength")).isEqualTo(4000);
        assertThat(second.at("web.offlineText")).isEqualTo("Call 1925 if you need help now.");
        assertThat(second.at("web.allowedOrigins")).isEqualTo(List.of("https://shop.example", "http://localhost:5173"));
        assertThat(Workspace.rawRows("SELECT CAST(web_settings AS text) AS s FROM channels WHERE id = CAST(? AS uuid)", id)
                .getFirst().get("s")).contains("Call 1925");
    }

    @Test
    void badSettingsAreRefusedByName() {
        Workspace shop = Workspace.create(api(), "Web Bad Co");
        String web = shop.connected("web", Map.of());
        String line = shop.connected("line", Workspace.lineCredentials());

        Reply path = patch(shop, web, Map.of("allowedOrigins", List.of("https://shop.example/chat")));
        Reply wildcard = patch(shop, web, Map.of("allowedOrigins", List.of("*")));
        Reply tooLong = patch(shop, web, Map.of("maxMessageLength", 4001));
        Reply colour = patch(shop, web, Map.of("color", "teal"));
        Reply notWeb = patch(shop, line, Map.of("requireIdentity", false));

        for (Reply reply : List.of(path, wildcard, tooLong, colour, notWeb)) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        }
        assertThat(path.string("detail")).contains("web.allowedOrigins");
        assertThat(notWeb.string("detail")).contains("web");
    }

    @Test
    void businessHoursAreStoredWholeAndNullRemovesThem() {
        Workspace shop = Workspace.create(api(), "Web Hours Co");
        String id = shop.connected("web", Map.of());
        Map<String, Object> nineToSix = Map.of("open", "09:00", "close", "18:00");

        Reply set = patch(shop, id, Map.of("businessHours", Map.of("timeZone", "Asia/Taipei",
                "days", Map.of("fri", nineToSix, "mon", nineToSix))));
        Reply read = api().get(shop.channel(id), shop.owner().accessToken());
        Map<String, Object> remove = new HashMap<>();
        remove.put("businessHours", null);
        Reply removed = patch(shop, id, remove);

        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(read.at("web.businessHours.timeZone")).isEqualTo("Asia/Taipei");
        assertThat(read.at("web.businessHours.days")).isEqualTo(Map.of("mon", nineToSix, "fri", nineToSix));
        assertThat(removed.at("web.businessHours")).isNull();
    }

    @Test
    void badBusinessHoursAreRefusedByNameInTraditionalChinese() {
        Workspace shop = Workspace.create(api(), "Web Bad Hours Co");
        String id = shop.connected("web", Map.of());

        Reply backwards = api().send("PATCH", shop.channel(id), shop.owner().accessToken(), Map.of("web", Map.of(
                "businessHours", Map.of("timeZone", "UTC", "days", Map.of("tue", Map.of("open", "18:00", "close", "09:00"))))),
                Map.of("Accept-Language", "zh-Hant"));
        Reply zone = patch(shop, id, Map.of("businessHours", Map.of("timeZone", "Mars/Olympus", "days", Map.of())));
        Reply weekday = patch(shop, id, Map.of("businessHours", Map.of("timeZone", "UTC",
                "days", Map.of("monday", Map.of("open", "09:00", "close", "18:00")))));
        Reply unknown = patch(shop, id, Map.of("businessHours", Map.of("timeZone", "UTC",
                "days", Map.of("mon", Map.of("open", "09:00", "close", "18:00", "lunch", "12:00")))));

        for (Reply reply : List.of(backwards, zone, weekday, unknown)) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(400);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(backwards.string("detail")).contains("web.businessHours.days.tue").contains("開始早於結束");
        assertThat(zone.string("detail")).contains("web.businessHours.timeZone");
        assertThat(weekday.string("detail")).contains("web.businessHours.days");
        assertThat(Workspace.rawRows("SELECT CAST(web_settings AS text) AS s FROM channels WHERE id = CAST(? AS uuid)", id)
                .getFirst().get("s")).doesNotContain("businessHours");
    }

    @Test
    void widgetBrandingIsStoredMergedAndDefaultsWhenCleared() {
        Workspace shop = Workspace.create(api(), "Web Brand Co");
        String id = shop.connected("web", Map.of());

        Reply fresh = api().get(shop.channel(id), shop.owner().accessToken());
        Reply set = patch(shop, id, Map.of("position", "left", "greeting", "  Questions about your order?  ",
                "language", "zh-Hant", "title", "Lumi Shop"));
        Reply merged = patch(shop, id, Map.of("color", "#0f766e"));
        Map<String, Object> clear = new HashMap<>();
        clear.put("position", null);
        clear.put("greeting", " ");
        clear.put("language", null);
        Reply cleared = patch(shop, id, clear);

        assertThat(fresh.at("web.position")).isEqualTo("right");
        assertThat(fresh.at("web.language")).isEqualTo("auto");
        assertThat(fresh.at("web.greeting")).isNull();
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(merged.at("web.position")).isEqualTo("left");
        assertThat(merged.at("web.greeting")).isEqualTo("Questions about your order?");
        assertThat(merged.at("web.language")).isEqualTo("zh-Hant");
        assertThat(merged.at("web.title")).isEqualTo("Lumi Shop");
        assertThat(cleared.at("web.position")).isEqualTo("right");
        assertThat(cleared.at("web.greeting")).isNull();
        assertThat(cleared.at("web.language")).isEqualTo("auto");
        assertThat(cleared.at("web.color")).isEqualTo("#0f766e");
    }

    @Test
    void badWidgetBrandingIsRefusedByNameInTraditionalChinese() {
        Workspace shop = Workspace.create(api(), "Web Bad Brand Co");
        String id = shop.connected("web", Map.of());

        Reply position = zhPatch(shop, id, Map.of("position", "top"));
        Reply language = zhPatch(shop, id, Map.of("language", "zh-Hans"));
        Reply greeting = zhPatch(shop, id, Map.of("greeting", "x".repeat(301)));
        Reply avatar = zhPatch(shop, id, Map.of("logoUrl", "http://shop.example/lumi.png"));
        Reply unknown = zhPatch(shop, id, Map.of("avatarUrl", "https://shop.example/lumi.png"));

        for (Reply reply : List.of(position, language, greeting, avatar, unknown)) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(400);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(position.string("detail")).contains("position").contains("必須是下列之一");
        assertThat(language.string("detail")).contains("language").contains("必須是下列之一");
        assertThat(greeting.string("detail")).contains("greeting").contains("長度必須介於");
        assertThat(avatar.string("detail")).contains("logoUrl").contains("https 網址");
        assertThat(api().get(shop.channel(id), shop.owner().accessToken()).at("web.position")).isEqualTo("right");
    }

    @Test
    void identityCanBeRequiredOnlyOnceASecretExistsWhichIsShownOnceAndSealed() {
        Workspace shop = Workspace.create(api(), "Web Identity Co");
        String id = shop.connected("web", Map.of());

        Reply tooEarly = patch(shop, id, Map.of("requireIdentity", true));
        Reply generated = api().post(shop.channel(id) + "/identity-secret", shop.owner().accessToken(), Map.of());
        Reply required = patch(shop, id, Map.of("requireIdentity", true));
        Reply read = api().get(shop.channel(id), shop.owner().accessToken());
        Reply rotated = api().post(shop.channel(id) + "/identity-secret", shop.owner().accessToken(), Map.of());

        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(generated.status()).as(generated.text()).isEqualTo(200);
        String secret = generated.string("secret");
        assertThat(secret).startsWith("pis_").hasSizeGreaterThan(40);
        assertThat(required.status()).isEqualTo(200);
        assertThat(required.at("web.requireIdentity")).isEqualTo(true);
        assertThat(read.at("web.identitySecretSet")).isEqualTo(true);
        assertThat(read.text()).doesNotContain(secret);
        assertThat(read.at("credentials.identitySecret"))
                .isEqualTo(Map.of("set", true, "last4", "…" + secret.substring(secret.length() - 4)));
        assertThat(rotated.string("secret")).isNotEqualTo(secret);
        assertThat(Workspace.rawRows("SELECT credentials_sealed FROM channels WHERE id = CAST(? AS uuid)", id)
                .getFirst().get("credentials_sealed")).doesNotContain(secret).doesNotContain(rotated.string("secret"));
        assertThat(Workspace.rawRows("SELECT action FROM audit_log WHERE target_id = ? ORDER BY id", id))
                .extracting(row -> row.get("action")).contains("channel.identity_secret_rotated");
    }

    @Test
    void replacingAWebChannelsCredentialsKeepsItsIdentitySecret() {
        Workspace shop = Workspace.create(api(), "Web Keep Co");
        String id = shop.connected("web", Map.of());
        String secret = api().post(shop.channel(id) + "/identity-secret", shop.owner().accessToken(), Map.of())
                .string("secret");

        Reply replaced = api().patch(shop.channel(id), shop.owner().accessToken(), Map.of("credentials", Map.of()));

        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        assertThat(replaced.at("web.identitySecretSet")).isEqualTo(true);
        assertThat(replaced.at("credentials.identitySecret.last4")).isEqualTo("…" + secret.substring(secret.length() - 4));
    }

    @Test
    void onlyAdminsChangeSettingsOrTheSecretAndOtherTenantsSeeNothing() {
        Workspace shop = Workspace.create(api(), "Web Roles Co");
        Workspace other = Workspace.create(api(), "Web Other Co");
        String id = shop.connected("web", Map.of());
        Teams teams = new Teams(api());

        for (Session member : List.of(teams.addMember(shop.owner(), "agent"), teams.addMember(shop.owner(), "viewer"))) {
            assertThat(api().patch(shop.channel(id), member.accessToken(), Map.of("web", Map.of("title", "Mine")))
                    .status()).isEqualTo(403);
            assertThat(api().post(shop.channel(id) + "/identity-secret", member.accessToken(), Map.of()).status())
                    .isEqualTo(403);
        }
        assertThat(api().post(shop.channel(id) + "/identity-secret", other.owner().accessToken(), Map.of()).status())
                .isEqualTo(404);
        assertThat(api().post(other.channel(id) + "/identity-secret", other.owner().accessToken(), Map.of()).status())
                .isEqualTo(404);
        assertThat(api().patch(other.channel(id), other.owner().accessToken(), Map.of("web", Map.of("title", "Mine")))
                .status()).isEqualTo(404);
        assertThat(api().get(shop.channel(id), shop.owner().accessToken()).at("web.title")).isNull();
    }

    private Reply zhPatch(Workspace shop, String id, Map<String, Object> web) {
        return api().send("PATCH", shop.channel(id), shop.owner().accessToken(), Map.of("web", web),
                Map.of("Accept-Language", "zh-Hant"));
    }

    private Reply patch(Workspace shop, String id, Map<String, Object> web) {
        return api().patch(shop.channel(id), shop.owner().accessToken(), Map.of("web", web));
    }
}
