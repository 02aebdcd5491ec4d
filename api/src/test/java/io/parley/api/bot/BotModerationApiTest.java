package io.parley.api.bot;

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

/** A bot's moderation object: stored, merged as a JSON Merge Patch, checked, its key sealed and never returned. */
@MicronautTest(transactional = false)
class BotModerationApiTest extends ApiTest {

    private static Map<String, Object> moderation() {
        Map<String, Object> moderation = new HashMap<>();
        moderation.put("input", true);
        moderation.put("output", true);
        moderation.put("service", "custom");
        moderation.put("baseUrl", "https://moderation.example.com/v1");
        moderation.put("apiKey", "sk-mod-abcdefghijkl-Zz9q");
        moderation.put("keywords", List.of(Map.of("pattern", "end it all", "category", "self-harm")));
        moderation.put("actions", Map.of("self-harm", "crisis", "harassment", "refuse"));
        moderation.put("crisisMessage", "You are not alone. Call 1925 any time.");
        moderation.put("onUnavailable", "fail_closed");
        moderation.put("maxInputLength", 300);
        return moderation;
    }

    private String moderatedBot(Session owner) {
        Reply created = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Lumi",
                "moderation", moderation()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.string("id");
    }

    @Test
    void aNewBotHasModerationOff() {
        Session owner = api().signup("Plain Co");

        Reply created = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Plain"));

        assertThat(created.at("moderation.input")).isEqualTo(false);
        assertThat(created.at("moderation.output")).isEqualTo(false);
        assertThat(created.string("moderation.service")).isEqualTo("none");
        assertThat(created.string("moderation.onUnavailable")).isEqualTo("fail_open");
    }

    @Test
    void settingsAreStoredAndTheKeyIsSealedNeverReturned() {
        Session owner = api().signup("Safe Co");
        String id = moderatedBot(owner);

        Reply bot = api().get("/api/v1/bots/" + id, owner.accessToken());

        assertThat(bot.at("moderation.input")).isEqualTo(true);
        assertThat(bot.string("moderation.service")).isEqualTo("custom");
        assertThat(bot.string("moderation.actions.self-harm")).isEqualTo("crisis");
        assertThat(bot.string("moderation.keywords.0.pattern")).isEqualTo("end it all");
        assertThat(bot.string("moderation.crisisMessage")).isEqualTo("You are not alone. Call 1925 any time.");
        assertThat(bot.string("moderation.onUnavailable")).isEqualTo("fail_closed");
        assertThat(bot.at("moderation.maxInputLength")).isEqualTo(300);
        assertThat(bot.at("moderation.apiKeySet")).isEqualTo(true);
        assertThat(bot.string("moderation.apiKeyHint")).isEqualTo("…Zz9q");
        assertThat(bot.text()).doesNotContain("sk-mod-abcdefghijkl");
    }

    @Test
    void aPatchMergesMemberByMemberAndActionsCategoryByCategory() {
        Session owner = api().signup("Merge Safe Co");
        String id = moderatedBot(owner);
        Map<String, Object> actions = new HashMap<>();
        actions.put("harassment", null);
        actions.put("violence", "flag");

        Reply patched = api().patch("/api/v1/bots/" + id, owner.accessToken(),
                Map.of("moderation", Map.of("output", false, "actions", actions)));

        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.at("moderation.output")).isEqualTo(false);
        assertThat(patched.at("moderation.input")).isEqualTo(true);
        assertThat(patched.at("moderation.actions")).isEqualTo(Map.of("self-harm", "crisis", "violence", "flag"));
        assertThat(patched.at("moderation.apiKeySet")).isEqualTo(true);
        assertThat(patched.string("moderation.crisisMessage")).isEqualTo("You are not alone. Call 1925 any time.");
    }

    @Test
    void nullTurnsModerationOffAndAnEmptyKeyRemovesTheKey() {
        Session owner = api().signup("Off Co");
        String id = moderatedBot(owner);
        Map<String, Object> off = new HashMap<>();
        off.put("moderation", null);

        Reply keyless = api().patch("/api/v1/bots/" + id, owner.accessToken(),
                Map.of("moderation", Map.of("apiKey", "")));
        Reply reset = api().patch("/api/v1/bots/" + id, owner.accessToken(), off);

        assertThat(keyless.at("moderation.apiKeySet")).isEqualTo(false);
        assertThat(keyless.at("moderation.input")).isEqualTo(true);
        assertThat(reset.at("moderation.input")).isEqualTo(false);
        assertThat(reset.at("moderation.keywords")).isEqualTo(List.of());
        assertThat(reset.string("moderation.service")).isEqualTo("none");
    }

    @Test
    void badSettingsAreRejectedByTheirPathAndNothingChanges() {
        Session owner = api().signup("Strict Safe Co");
        String id = moderatedBot(owner);

        Reply unknown = api().patch("/api/v1/bots/" + id, owner.accessToken(),
                Map.of("moderation", Map.of("severity", "high")));
        Reply regex = api().patch("/api/v1/bots/" + id, owner.accessToken(), Map.of("moderation",
                Map.of("keywords", List.of(Map.of("pattern", "(unclosed", "regex", true, "category", "x")))));
        Reply action = api().patch("/api/v1/bots/" + id, owner.accessToken(),
                Map.of("moderation", Map.of("actions", Map.of("self-harm", "ignore"))));
        Reply length = api().patch("/api/v1/bots/" + id, owner.accessToken(),
                Map.of("moderation", Map.of("maxInputLength", 1001)));
        Reply bool = api().patch("/api/v1/bots/" + id, owner.accessToken(), Map.of("moderation", true));
        Reply custom = api().post("/api/v1/bots", owner.accessToken(),
                Map.of("name", "No URL", "moderation", Map.of("service", "custom")));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(regex.status()).isEqualTo(400);
        assertThat(regex.string("errors.0.field")).isEqualTo("moderation.keywords.0.pattern");
        assertThat(action.string("errors.0.field")).isEqualTo("moderation.actions.self-harm");
        assertThat(length.status()).isEqualTo(400);
        assertThat(bool.status()).isEqualTo(400);
        assertThat(custom.string("errors.0.field")).isEqualTo("moderation.baseUrl");
        Reply bot = api().get("/api/v1/bots/" + id, owner.accessToken());
        assertThat(bot.string("moderation.actions.self-harm")).isEqualTo("crisis");
        assertThat(bot.at("moderation.maxInputLength")).isEqualTo(300);
    }

    @Test
    void aViewerReadsModerationButCannotChangeIt() {
        Session owner = api().signup("Roles Safe Co");
        String id = moderatedBot(owner);
        Session viewer = new Teams(api()).addMember(owner, "viewer");

        Reply read = api().get("/api/v1/bots/" + id, viewer.accessToken());
        Reply patch = api().patch("/api/v1/bots/" + id, viewer.accessToken(),
                Map.of("moderation", Map.of("input", false)));

        assertThat(read.at("moderation.input")).isEqualTo(true);
        assertThat(patch.status()).isEqualTo(403);
    }
}
