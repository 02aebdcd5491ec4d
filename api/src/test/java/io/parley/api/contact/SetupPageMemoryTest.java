package io.parley.api.contact;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.core.bot.BotRepository;
import io.parley.core.contact.ContactRepository;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.TestChannels;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
    TenantScope scope;
    @Inject
    BotRepository bots;
    @Inject
    DataSource dataSource;
    @Inject
    ContactRepository contacts;
    @Inject
    ConversationRepository conversations;

    @Test
    void theContactSeesOnlyTheVisibleFieldsWithTheirCurrentValues() {
        Session owner = api().signup("Visible Memory Co");
        TenantId tenant = TenantId.parse(owner.tenantId()).orElseThrow();
        UUID channel = new TestChannels(scope, bots, dataSource).webChannel(tenant);
        UUID[] ids = scope.write(tenant, () -> {
            UUID bot = bots.page(tenant.value(), new UUID(-1, -1), 10).getFirst().id();
            UUID contact = contacts.upsertByIdentity(tenant.value(), channel, "web-1", "Mei", "{}").contact().id();
            UUID conversation = conversations.upsert(tenant.value(), Ids.next(), bot, channel, contact).id();
            return new UUID[] {bot, contact, conversation};
        });
        String memory = "/api/v1/contacts/" + ids[1] + "/memory?botId=" + ids[0];
        assertThat(api().send("PUT", "/api/v1/bots/" + ids[0] + "/memory-fields", owner.accessToken(),
                Map.of("fields", List.of(FAVORABILITY, SUSPICION, MOOD, NOTES)), Map.of()).status()).isEqualTo(200);
        assertThat(api().patch(memory, owner.accessToken(), Map.of("favorability", 72, "suspicion", 9,
                "notes", "owes me a coffee")).status()).isEqualTo(200);
        assertThat(api().patch(memory + "&conversationId=" + ids[2], owner.accessToken(), Map.of("mood", "happy"))
                .status()).isEqualTo(200);
        String token = api().post("/api/v1/contacts/" + ids[1] + "/setup-link", owner.accessToken(), Map.of())
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
        TenantId tenant = TenantId.parse(owner.tenantId()).orElseThrow();
        UUID channel = new TestChannels(scope, bots, dataSource).webChannel(tenant);
        UUID[] ids = scope.write(tenant, () -> new UUID[] {
                bots.page(tenant.value(), new UUID(-1, -1), 10).getFirst().id(),
                contacts.upsertByIdentity(tenant.value(), channel, "web-2", "Kai", "{}").contact().id()});
        assertThat(api().send("PUT", "/api/v1/bots/" + ids[0] + "/memory-fields", owner.accessToken(),
                Map.of("fields", List.of(SUSPICION)), Map.of()).status()).isEqualTo(200);
        String token = api().post("/api/v1/contacts/" + ids[1] + "/setup-link", owner.accessToken(), Map.of())
                .string("token");

        Reply page = api().send("GET", "/api/v1/public/setup/" + token, null, null,
                Map.of("X-Forwarded-For", "198.19.7.2"));

        assertThat(page.at("memory")).isEqualTo(List.of());
        assertThat(page.text()).doesNotContain("suspicion");
    }
}
