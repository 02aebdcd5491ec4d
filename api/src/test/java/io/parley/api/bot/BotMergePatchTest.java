package io.parley.api.bot;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PATCH /api/v1/bots/{id} is a JSON Merge Patch (RFC 7396) all the way down. */
@MicronautTest(transactional = false)
class BotMergePatchTest extends ApiTest {

    private String limitedBot(Session owner) {
        Map<String, Object> bot = new LinkedHashMap<>();
        bot.put("name", "Lumi");
        bot.put("welcomeMessage", "Hello!");
        bot.put("llm", Map.of("model", "gpt-4o-mini", "baseUrl", "https://llm.example.com/v1", "apiKey",
                "sk-test-abcdefghijkl-x7Qa", "temperature", 0.7));
        bot.put("limits", Map.of("perHour", 10, "perDay", 20,
                "tiers", Map.of("premium", Map.of("perDay", 500), "vip", Map.of())));
        Reply created = api().post("/api/v1/bots", owner.accessToken(), bot);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.string("id");
    }

    @Test
    void unknownNestedLimitIsRejectedByItsPathAndNothingChanges() {
        Session owner = api().signup("Merge Co");
        String id = limitedBot(owner);

        Reply reply = api().patch("/api/v1/bots/" + id, owner.accessToken(), Map.of("limits", Map.of("perMinute", 5)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.string("errors.0.field")).isEqualTo("limits.perMinute");
        Reply after = api().get("/api/v1/bots/" + id, owner.accessToken());
        assertThat(after.at("limits.perHour")).isEqualTo(10);
        assertThat(after.at("limits.perDay")).isEqualTo(20);
        assertThat(after.at("limits.tiers.premium.perDay")).isEqualTo(500);
    }

    @Test
    void patchingOneLimitKeepsTheOthersAndTheTiers() {
        Session owner = api().signup("Merge Keep Co");
        String id = limitedBot(owner);

        Reply reply = api().patch("/api/v1/bots/" + id, owner.accessToken(), Map.of("limits", Map.of("perHour", 5)));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.at("limits.perHour")).isEqualTo(5);
        assertThat(reply.at("limits.perDay")).isEqualTo(20);
        assertThat(reply.at("limits.tiers.premium.perDay")).isEqualTo(500);
        assertThat(reply.at("limits.tiers.vip")).isInstanceOf(Map.class);
    }

    @Test
    void nullRemovesAMemberAtAnyDepth() {
        Session owner = api().signup("Merge Null Co");
        String id = limitedBot(owner);
        Map<String, Object> tiers = new HashMap<>();
        tiers.put("vip", null);
        tiers.put("premium", Map.of("perHour", 50));
        Map<String, Object> limits = new HashMap<>();
        limits.put("perDay", null);
        limits.put("tiers", tiers);
        Map<String, Object> llm = new HashMap<>();
        llm.put("temperature", null);
        llm.put("apiKey", null);
        Map<String, Object> patch = new HashMap<>();
        patch.put("limits", limits);
        patch.put("llm", llm);
        patch.put("welcomeMessage", null);

        Reply reply = api().patch("/api/v1/bots/" + id, owner.accessToken(), patch);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.at("limits.perHour")).as("absent: kept").isEqualTo(10);
        assertThat(reply.at("limits.perDay")).as("null: removed").isNull();
        assertThat(reply.at("limits.tiers.vip")).as("tier removed").isNull();
        assertThat(reply.at("limits.tiers.premium.perHour")).isEqualTo(50);
        assertThat(reply.at("limits.tiers.premium.perDay")).as("merged inside the tier").isEqualTo(500);
        assertThat(reply.at("llm.temperature")).isNull();
        assertThat(reply.at("llm.apiKeySet")).isEqualTo(false);
        assertThat(reply.string("llm.model")).as("absent: kept").isEqualTo("gpt-4o-mini");
        assertThat(reply.at("welcomeMessage")).isNull();
    }

    @Test
    void nullOnLimitsRemovesEveryLimit() {
        Session owner = api().signup("Merge Limits Co");
        String id = limitedBot(owner);
        Map<String, Object> patch = new HashMap<>();
        patch.put("limits", null);

        Reply reply = api().patch("/api/v1/bots/" + id, owner.accessToken(), patch);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.at("limits.perHour")).isNull();
        assertThat(reply.at("limits.perDay")).isNull();
        assertThat(reply.at("limits.tiers")).isEqualTo(Map.of());
    }

    @Test
    void aRequiredMemberCannotBeRemoved() {
        Session owner = api().signup("Merge Required Co");
        String id = limitedBot(owner);
        Map<String, Object> patch = new HashMap<>();
        patch.put("name", null);

        Reply reply = api().patch("/api/v1/bots/" + id, owner.accessToken(), patch);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.string("errors.0.field")).isEqualTo("name");
        assertThat(api().get("/api/v1/bots/" + id, owner.accessToken()).string("name")).isEqualTo("Lumi");
    }
}
