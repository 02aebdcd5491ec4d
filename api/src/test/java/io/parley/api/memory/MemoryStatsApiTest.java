package io.parley.api.memory;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Chats;
import io.parley.api.testing.Chats.Chat;
import io.parley.api.testing.Teams;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/bots/{botId}/memory-fields/stats: how many contacts have each memory field set. */
@MicronautTest(transactional = false)
class MemoryStatsApiTest extends ApiTest {

    private static final Map<String, Object> FAVORABILITY = Map.of("name", "favorability", "type", "number",
            "min", 0, "max", 100, "step", 5, "defaultValue", 50);
    private static final Map<String, Object> MOOD = Map.of("name", "mood", "type", "enum", "scope", "conversation",
            "values", List.of("calm", "happy", "sad"));
    private static final Map<String, Object> NICKNAME = Map.of("name", "nickname", "type", "text");

    @Inject
    Chats chats;

    private static String stats(String bot) {
        return "/api/v1/bots/" + bot + "/memory-fields/stats";
    }

    private void declare(Session owner, String bot, List<Map<String, Object>> fields) {
        Reply saved = api().send("PUT", "/api/v1/bots/" + bot + "/memory-fields", owner.accessToken(),
                Map.of("fields", fields), Map.of());
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    }

    private void set(Session who, Chat chat, Map<String, Object> values, boolean inConversation) {
        String at = "/api/v1/contacts/" + chat.contact() + "/memory?botId=" + chat.bot()
                + (inConversation ? "&conversationId=" + chat.conversation() : "");
        Reply set = api().patch(at, who.accessToken(), values);
        assertThat(set.status()).as(set.text()).isEqualTo(200);
    }

    @Test
    void eachDeclaredFieldCountsTheContactsWithAStoredValueAndAClearedOneIsNotCounted() {
        Session owner = api().signup("Memory Stats Co");
        Chat mei = chats.chat(owner);
        Chat ken = chats.another(owner, mei, "web-2");
        chats.another(owner, mei, "web-3");
        declare(owner, mei.bot(), List.of(FAVORABILITY, MOOD, NICKNAME));
        set(owner, mei, Map.of("favorability", 70), false);
        set(owner, ken, Map.of("favorability", 20, "nickname", "K"), false);
        set(owner, ken, Map.of("mood", "happy"), true);
        set(owner, ken, Map.of("mood", "sad"), true);
        api().send("PATCH", "/api/v1/contacts/" + ken.contact() + "/memory?botId=" + ken.bot(), owner.accessToken(),
                "{\"nickname\": null}", Map.of("Content-Type", "application/merge-patch+json"));
        Session viewer = new Teams(api()).addMember(owner, "viewer");

        Reply stats = api().get(stats(mei.bot()), viewer.accessToken());

        assertThat(stats.status()).as(stats.text()).isEqualTo(200);
        assertThat(stats.string("botId")).isEqualTo(mei.bot());
        assertThat(stats.at("contacts")).isEqualTo(3);
        assertThat(stats.at("fields")).isEqualTo(List.of(
                Map.of("name", "favorability", "type", "number", "scope", "contact", "contactsSet", 2),
                Map.of("name", "mood", "type", "enum", "scope", "conversation", "contactsSet", 1),
                Map.of("name", "nickname", "type", "text", "scope", "contact", "contactsSet", 0)));
    }

    @Test
    void valuesKeptUnderAFieldsFormerScopeOrOfADroppedFieldAreNotCounted() {
        Session owner = api().signup("Memory Stats Scope Co");
        Chat mei = chats.chat(owner);
        declare(owner, mei.bot(), List.of(FAVORABILITY, NICKNAME));
        set(owner, mei, Map.of("favorability", 70, "nickname", "M"), false);

        declare(owner, mei.bot(), List.of(Map.of("name", "favorability", "type", "number", "scope", "conversation",
                "min", 0, "max", 100)));
        Reply stats = api().get(stats(mei.bot()), owner.accessToken());

        assertThat(stats.at("fields")).as(stats.text()).isEqualTo(List.of(
                Map.of("name", "favorability", "type", "number", "scope", "conversation", "contactsSet", 0)));
    }

    @Test
    void anotherTenantsBotIsNotFound() {
        Session owner = api().signup("Memory Stats Home Co");
        Chat mei = chats.chat(owner);
        declare(owner, mei.bot(), List.of(FAVORABILITY));
        set(owner, mei, Map.of("favorability", 70), false);
        Session stranger = api().signup("Memory Stats Stranger Co");

        Reply theirs = api().get(stats(mei.bot()), stranger.accessToken());

        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.contentType()).startsWith("application/problem+json");
        assertThat(theirs.text()).doesNotContain("favorability");
        assertThat(api().get(stats("not-a-bot"), owner.accessToken()).status()).isEqualTo(404);
        assertThat(api().get(stats(mei.bot()), null).status()).isEqualTo(401);
    }
}
