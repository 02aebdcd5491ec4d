package io.parley.api.contact;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Chats;
import io.parley.api.testing.Chats.Chat;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The setup page shows the bot's memory fields marked visibleToContact, read-only, and never the others. */
@MicronautTest(transactional = false)
class SetupPageMemoryTest extends ApiTest {

    private static final Map<String, Object> FAVORABILITY = Map.of("name", "favorability", "type", "number",
            "min", 0, "max", 100, "defaultValue", 50, "visibleToContact", true,
            "description", "How much I like you");
    private static final Map<String, Object> MOOD = Map.of("name", "mood", "type", "enum", "scope", "conversation",
            "values", List.of("calm", "happy", "sad"), "defaultValue", "calm", "visibleToContact", true);
    private static final Map<String, Object> SUSPICION = Map.of("name", "suspicion", "type", "number",
            "min", 0, "max", 10, "defaultValue", 3, "visibleToContact", false);
    private static final Map<String, Object> NOTES = Map.of("name", "notes", "type", "text");

    @Inject
    Chats chats;

    @Test
    void theContactSeesOnlyTheVisibleFieldsWithTheirCurrentValues() {
        Session owner = api().signup("Visible Memory Co");
        Chat chat = chats.chat(owner);
        String memory = "/api/v1/contacts/" + chat.contact() + "/memory?botId=" + chat.bot();
        assertThat(api().send("PUT", "/api/v1/bots/" + chat.bot() + "/memory-fields", owner.accessToken(),
                Map.of("fields", List.of(FAVORABILITY, SUSPICION, MOOD, NOTES)), Map.of()).status()).isEqualTo(200);
        assertThat(api().patch(memory, owner.accessToken(), Map.of("favorability", 72, "suspicion", 9,
                "notes", "owes me a coffee")).status()).isEqualTo(200);
        assertThat(api().patch(memory + "&conversationId=" + chat.conversation(), owner.accessToken(),
                Map.of("mood", "happy")).status()).isEqualTo(200);
        String token = api().post("/api/v1/contacts/" + chat.contact() + "/setup-link", owner.accessToken(), Map.of())
                .string("token");

        Reply page = api().send("GET", "/api/v1/public/setup/" + token, null, null,
                Map.of("X-Forwarded-For", "198.19.7.1"));

        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.at("memory")).isEqualTo(List.of(
                Map.of("name", "favorability", "description", "How much I like you", "value", 72),
                Map.of("name", "mood", "value", "happy")));
        assertThat(page.text()).doesNotContain("suspicion").doesNotContain("coffee");
    }

    @Test
    void aBotWithoutVisibleFieldsShowsNone() {
        Session owner = api().signup("Hidden Memory Co");
        Chat chat = chats.chat(owner);
        assertThat(api().send("PUT", "/api/v1/bots/" + chat.bot() + "/memory-fields", owner.accessToken(),
                Map.of("fields", List.of(SUSPICION)), Map.of()).status()).isEqualTo(200);
        String token = api().post("/api/v1/contacts/" + chat.contact() + "/setup-link", owner.accessToken(), Map.of())
                .string("token");

        Reply page = api().send("GET", "/api/v1/public/setup/" + token, null, null,
                Map.of("X-Forwarded-For", "198.19.7.2"));

        assertThat(page.at("memory")).isEqualTo(List.of());
        assertThat(page.text()).doesNotContain("suspicion");
    }
}
