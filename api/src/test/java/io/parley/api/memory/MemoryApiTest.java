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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Memory fields and contact memory through the API: declaration rules, references, values, history, roles, tenants. */
@MicronautTest(transactional = false)
class MemoryApiTest extends ApiTest {

    private static final Map<String, Object> FAVORABILITY = Map.of("name", "favorability", "type", "number",
            "min", 0, "max", 100, "step", 5, "defaultValue", 50, "visibleToContact", true,
            "description", "How much you like the user");
    private static final Map<String, Object> MOOD = Map.of("name", "mood", "type", "enum", "scope", "conversation",
            "values", List.of("calm", "happy", "sad"), "defaultValue", "calm");

    @Inject
    Chats chats;

    private Chat chat(Session owner) {
        return chats.chat(owner);
    }

    private static String fields(String bot) {
        return "/api/v1/bots/" + bot + "/memory-fields";
    }

    private static String memory(String contact) {
        return "/api/v1/contacts/" + contact + "/memory";
    }

    private Reply declare(Session who, String bot, List<Map<String, Object>> list) {
        return api().send("PUT", fields(bot), who.accessToken(), Map.of("fields", list), Map.of());
    }

    @Test
    void fieldsAreDeclaredReadBackAndCheckedWithEveryProblemNamed() {
        Session owner = api().signup("Memory Fields Co");
        Chat chat = chat(owner);

        Reply saved = declare(owner, chat.bot(), List.of(FAVORABILITY, MOOD));
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        Reply read = api().get(fields(chat.bot()), owner.accessToken());
        assertThat(read.string("updateMode")).isEqualTo("tools");
        assertThat(read.at("fields.0.step")).isEqualTo(5);
        assertThat(read.at("fields.0.defaultValue")).isEqualTo(50);
        assertThat(read.string("fields.1.scope")).isEqualTo("conversation");

        Map<String, Object> bigStep = new HashMap<>(FAVORABILITY);
        bigStep.put("step", 101);
        Map<String, Object> badDefault = new HashMap<>(MOOD);
        badDefault.put("defaultValue", "angry");
        Reply refused = declare(owner, chat.bot(), List.of(bigStep, badDefault,
                Map.of("name", "Mood!", "type", "colour"), Map.of("name", "mood", "type", "text", "min", 1)));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.text()).contains("fields[0].step")
                .contains("fields[1].defaultValue").contains("fields[2].name").contains("fields[2].type")
                .contains("fields[3].name").contains("fields[3].min");
        Reply unknownMember = declare(owner, chat.bot(), List.of(Map.of("name", "x", "type", "boolean",
                "minimum", 1)));
        assertThat(unknownMember.status()).as(unknownMember.text()).isEqualTo(400);
        Reply zh = api().send("PUT", fields(chat.bot()), owner.accessToken(), Map.of("fields",
                List.of(Map.of("name", "x", "type", "number", "min", 5, "max", 1))), Map.of("Accept-Language", "zh-Hant"));
        assertThat(zh.text()).contains("必須大於 min");
        assertThat(api().get(fields(chat.bot()), owner.accessToken()).at("fields.0.name")).isEqualTo("favorability");
    }

    @Test
    void personasAndFlowsMayReadOnlyDeclaredFields() {
        Session owner = api().signup("Memory Refs Co");
        Chat chat = chat(owner);
        String persona = "You are Aki. Favorability: {{memory.favorability}}.";

        Reply early = api().patch("/api/v1/bots/" + chat.bot(), owner.accessToken(), Map.of("persona", persona));
        assertThat(early.status()).as(early.text()).isEqualTo(400);
        assertThat(early.string("errors.0.field")).isEqualTo("persona");

        declare(owner, chat.bot(), List.of(FAVORABILITY, MOOD));
        assertThat(api().patch("/api/v1/bots/" + chat.bot(), owner.accessToken(), Map.of("persona", persona))
                .status()).isEqualTo(200);
        Reply dropped = declare(owner, chat.bot(), List.of(MOOD));
        assertThat(dropped.status()).as("the persona still reads it").isEqualTo(400);

        String flows = "/api/v1/bots/" + chat.bot() + "/flows";
        Reply typo = api().post(flows, owner.accessToken(), Map.of("name", "date",
                "trigger", Map.of("type", "keyword", "keywords", List.of("date")),
                "condition", Map.of("field", "memory.favourability", "op", "gte", "value", 70),
                "steps", List.of(Map.of("type", "text", "text", "Yes!"))));
        assertThat(typo.status()).as(typo.text()).isEqualTo(400);
        assertThat(typo.string("errors.0.field")).isEqualTo("condition");
        Reply textTypo = api().post(flows, owner.accessToken(), Map.of("name", "date",
                "trigger", Map.of("type", "keyword", "keywords", List.of("date")),
                "steps", List.of(Map.of("type", "text", "text", "Score {{memory.score}}"))));
        assertThat(textTypo.string("errors.0.field")).as(textTypo.text()).isEqualTo("steps");
        Reply fine = api().post(flows, owner.accessToken(), Map.of("name", "date",
                "trigger", Map.of("type", "keyword", "keywords", List.of("date")),
                "condition", Map.of("field", "memory.favorability", "op", "gte", "value", 70),
                "steps", List.of(Map.of("type", "text", "text", "Yes! ({{memory.favorability}})"))));
        assertThat(fine.status()).as(fine.text()).isEqualTo(201);
    }

    @Test
    void agentsSetValuesExactlyAndTheHistorySaysWhoAndWhen() {
        Session owner = api().signup("Memory Values Co");
        Chat chat = chat(owner);
        declare(owner, chat.bot(), List.of(FAVORABILITY, MOOD));
        Session agent = new Teams(api()).addMember(owner, "agent");

        Reply empty = api().get(memory(chat.contact()), agent.accessToken());
        assertThat(empty.status()).as(empty.text()).isEqualTo(200);
        assertThat(empty.string("bots.0.botId")).isEqualTo(chat.bot());
        assertThat(empty.at("bots.0.values")).asList().isEmpty();

        String at = memory(chat.contact()) + "?botId=" + chat.bot();
        Reply set = api().patch(at, agent.accessToken(), Map.of("favorability", 70));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.at("bots.0.values.0.value")).isEqualTo(70);
        assertThat(set.string("history.0.source")).isEqualTo("agent");
        assertThat(set.string("history.0.actorId")).isEqualTo(agent.userId());
        assertThat(set.at("history.0.oldValue")).isNull();
        assertThat(set.at("history.0.newValue")).isEqualTo(70);

        assertThat(api().patch(at, agent.accessToken(), Map.of("favorability", 101)).string("errors.0.field"))
                .isEqualTo("favorability");
        assertThat(api().patch(at, agent.accessToken(), Map.of("favorability", "high")).status()).isEqualTo(400);
        assertThat(api().patch(at, agent.accessToken(), Map.of("trust", 1)).string("errors.0.field"))
                .isEqualTo("trust");
        assertThat(api().patch(at, agent.accessToken(), Map.of("mood", "sad")).string("errors.0.message"))
                .contains("conversationId");
        Reply perConversation = api().patch(at + "&conversationId=" + chat.conversation(), agent.accessToken(),
                Map.of("mood", "sad"));
        assertThat(perConversation.status()).as(perConversation.text()).isEqualTo(200);
        assertThat(perConversation.text()).contains("\"conversationId\":\"" + chat.conversation() + "\"");

        Reply cleared = api().send("PATCH", at, agent.accessToken(), "{\"favorability\": null}",
                Map.of("Content-Type", "application/merge-patch+json"));
        assertThat(cleared.status()).as(cleared.text()).isEqualTo(200);
        assertThat(cleared.at("history.0.newValue")).isNull();
        assertThat(cleared.at("history.0.oldValue")).isEqualTo(70);
        assertThat(cleared.text()).doesNotContain("\"field\":\"favorability\",\"value\"");

        String key = api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "crm", "role", "agent"))
                .string("key");
        Reply byKey = api().patch(at, key, Map.of("favorability", 20));
        assertThat(byKey.string("history.0.source")).as(byKey.text()).isEqualTo("api");
    }

    @Test
    void viewersReadAgentsSetValuesOnlyAdminsDeclare() {
        Session owner = api().signup("Memory Roles Co");
        Chat chat = chat(owner);
        Teams teams = new Teams(api());
        Session agent = teams.addMember(owner, "agent");
        Session viewer = teams.addMember(owner, "viewer");

        assertThat(declare(agent, chat.bot(), List.of(FAVORABILITY)).status()).isEqualTo(403);
        assertThat(declare(owner, chat.bot(), List.of(FAVORABILITY)).status()).isEqualTo(200);
        assertThat(api().get(fields(chat.bot()), viewer.accessToken()).status()).isEqualTo(200);
        assertThat(api().get(memory(chat.contact()), viewer.accessToken()).status()).isEqualTo(200);
        assertThat(api().patch(memory(chat.contact()) + "?botId=" + chat.bot(), viewer.accessToken(),
                Map.of("favorability", 60)).status()).isEqualTo(403);
        assertThat(api().patch(memory(chat.contact()) + "?botId=" + chat.bot(), agent.accessToken(),
                Map.of("favorability", 60)).status()).isEqualTo(200);
    }

    @Test
    void anotherTenantsBotsContactsAndConversationsAreNotFound() {
        Session owner = api().signup("Memory Home Co");
        Chat chat = chat(owner);
        declare(owner, chat.bot(), List.of(FAVORABILITY, MOOD));
        Session stranger = api().signup("Memory Stranger Co");
        Chat theirs = chat(stranger);
        declare(stranger, theirs.bot(), List.of(MOOD));

        assertThat(api().get(fields(chat.bot()), stranger.accessToken()).status()).isEqualTo(404);
        assertThat(declare(stranger, chat.bot(), List.of(MOOD)).status()).isEqualTo(404);
        assertThat(api().get(memory(chat.contact()), stranger.accessToken()).status()).isEqualTo(404);
        assertThat(api().patch(memory(chat.contact()) + "?botId=" + theirs.bot(), stranger.accessToken(),
                Map.of("mood", "sad")).status()).isEqualTo(404);
        assertThat(api().patch(memory(theirs.contact()) + "?botId=" + chat.bot(), stranger.accessToken(),
                Map.of("favorability", 60)).status()).isEqualTo(404);
        assertThat(api().patch(memory(theirs.contact()) + "?botId=" + theirs.bot() + "&conversationId="
                + chat.conversation(), stranger.accessToken(), Map.of("mood", "sad")).status()).isEqualTo(404);
        assertThat(api().get(fields(chat.bot()), owner.accessToken()).at("fields")).asList().hasSize(2);
    }
}
