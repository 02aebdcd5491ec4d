package io.parley.api.bot;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import io.parley.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class BotApiTest extends ApiTest {

    private static final String LLM_KEY = "sk-test-SUPERSECRET-abcdefghijklmnop-x7Qa";

    private Map<String, Object> fullBot() {
        Map<String, Object> bot = new LinkedHashMap<>();
        bot.put("name", "Lumi");
        bot.put("persona", "You are Lumi. Call the user {{contact.displayName}}; they like {{contact.attributes.hobby}}.");
        bot.put("llm", Map.of("provider", "openai-compatible", "baseUrl", "https://llm.example.com/v1",
                "model", "gpt-4o-mini", "apiKey", LLM_KEY, "temperature", 0.7, "maxTokens", 512, "timeoutMs", 8000));
        bot.put("historyWindow", 12);
        bot.put("welcomeMessage", "Welcome! Create your character: {{setupUrl}}");
        bot.put("fallbackMessage", "I cannot answer now. In a crisis call 1925.");
        bot.put("limitMessage", "You reached today's free messages.");
        bot.put("outputConversion", "zh-Hant");
        bot.put("limits", Map.of("perHour", 10, "perDay", 20, "tiers", Map.of("premium", Map.of())));
        return bot;
    }

    @Test
    void createdBotHasEverySettingAndNoSecret() {
        Session owner = api().signup("Bot Co");
        Reply created = api().post("/api/v1/bots", owner.accessToken(), fullBot());

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("name")).isEqualTo("Lumi");
        assertThat(created.string("status")).isEqualTo("active");
        assertThat(created.string("llm.model")).isEqualTo("gpt-4o-mini");
        assertThat(created.at("llm.apiKeySet")).isEqualTo(true);
        assertThat(created.string("llm.apiKeyHint")).isEqualTo("…x7Qa");
        assertThat(created.at("historyWindow")).isEqualTo(12);
        assertThat(created.string("outputConversion")).isEqualTo("zh-Hant");
        assertThat(created.at("limits.perDay")).isEqualTo(20);
        assertThat(created.at("limits.tiers.premium")).as("premium: unlimited").isInstanceOf(Map.class);
        assertThat(created.at("limits.tiers.premium.perDay")).isNull();
        assertThat(created.text()).doesNotContain(LLM_KEY).doesNotContain("SUPERSECRET");
        assertThat(api().get("/api/v1/bots/" + created.string("id"), owner.accessToken()).text()).doesNotContain("SUPERSECRET");
    }

    @Test
    void llmKeyIsEncryptedAtRest() throws Exception {
        Session owner = api().signup("Sealed Co");
        String id = api().post("/api/v1/bots", owner.accessToken(), fullBot()).string("id");

        var database = TestDatabase.shared();
        try (Connection connection = DriverManager.getConnection(database.database().jdbcUrl(),
                database.superuser().username(), database.superuser().password());
             PreparedStatement statement = connection.prepareStatement("SELECT * FROM bots WHERE id = ?::uuid")) {
            statement.setString(1, id);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    String value = row.getString(i);
                    assertThat(value == null ? "" : value).doesNotContain("SUPERSECRET");
                }
                assertThat(row.getString("llm_api_key_sealed")).startsWith("v1:test1:");
            }
        }
    }

    @Test
    void patchChangesOnlyWhatIsSentAndEmptyTextClears() {
        Session owner = api().signup("Patch Co");
        String id = api().post("/api/v1/bots", owner.accessToken(), fullBot()).string("id");

        Reply patched = api().patch("/api/v1/bots/" + id, owner.accessToken(),
                Map.of("name", "Lumi 2", "welcomeMessage", "", "llm", Map.of("model", "gpt-4.1-mini"), "status", "paused"));

        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.string("name")).isEqualTo("Lumi 2");
        assertThat(patched.at("welcomeMessage")).isNull();
        assertThat(patched.string("fallbackMessage")).isEqualTo("I cannot answer now. In a crisis call 1925.");
        assertThat(patched.string("llm.model")).isEqualTo("gpt-4.1-mini");
        assertThat(patched.at("llm.apiKeySet")).as("key kept").isEqualTo(true);
        assertThat(patched.string("status")).isEqualTo("paused");

        Reply keyRemoved = api().patch("/api/v1/bots/" + id, owner.accessToken(), Map.of("llm", Map.of("apiKey", "")));
        assertThat(keyRemoved.at("llm.apiKeySet")).isEqualTo(false);
        assertThat(keyRemoved.at("llm.apiKeyHint")).isNull();
    }

    @Test
    void taiwanPhrasingIsAConversionOfItsOwnStoredAndReadBack() {
        Session owner = api().signup("Taiwan Bot Co");

        Reply created = api().post("/api/v1/bots", owner.accessToken(),
                Map.of("name", "Lumi", "outputConversion", "zh-Hant-TW"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(api().get("/api/v1/bots/" + created.string("id"), owner.accessToken()).string("outputConversion"))
                .isEqualTo("zh-Hant-TW");
    }

    @Test
    void validationNamesTheFields() {
        Session owner = api().signup("Invalid Bot Co");
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("name", "");
        bad.put("historyWindow", 500);
        bad.put("outputConversion", "klingon");
        bad.put("llm", Map.of("temperature", 3.5, "timeoutMs", 10));
        Reply reply = api().post("/api/v1/bots", owner.accessToken(), bad);

        assertThat(reply.status()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) reply.at("errors");
        assertThat(errors).extracting(e -> e.get("field")).contains("name", "historyWindow", "outputConversion",
                "llm.temperature", "llm.timeoutMs");
    }

    @Test
    void unknownPlaceholdersAndBadUrlsAreRejected() {
        Session owner = api().signup("Template Co");
        Reply persona = api().post("/api/v1/bots", owner.accessToken(),
                Map.of("name", "X", "persona", "Hello {{contact.nickname}}"));
        Reply setupInFallback = api().post("/api/v1/bots", owner.accessToken(),
                Map.of("name", "X", "fallbackMessage", "See {{setupUrl}}"));
        Reply url = api().post("/api/v1/bots", owner.accessToken(),
                Map.of("name", "X", "llm", Map.of("baseUrl", "ftp://nope")));
        Reply tier = api().post("/api/v1/bots", owner.accessToken(),
                Map.of("name", "X", "limits", Map.of("tiers", Map.of("Premium Tier!", Map.of()))));

        assertThat(persona.status()).isEqualTo(400);
        assertThat(persona.string("errors.0.field")).isEqualTo("persona");
        assertThat(persona.string("detail")).contains("contact.nickname");
        assertThat(setupInFallback.string("errors.0.field")).isEqualTo("fallbackMessage");
        assertThat(url.string("errors.0.field")).isEqualTo("llm.baseUrl");
        assertThat(tier.string("errors.0.field")).isEqualTo("limits.tiers");
    }

    @Test
    void freePlanAllowsOneBotThenPaymentRequired() {
        Session owner = api().signup("Plan Co");
        assertThat(api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "first")).status()).isEqualTo(201);

        Reply second = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "second"));

        assertThat(second.status()).isEqualTo(402);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.string("type")).isEqualTo("https://parley.dev/problems/plan-limit-reached");
        assertThat(second.string("errors.0.field")).isEqualTo("plan.maxBots");
        assertThat(second.string("detail")).contains("Free plan allows 1 bots");
    }

    @Test
    void listsGetsAndDeletes() {
        Session owner = api().signup("CRUD Co");
        String id = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "only")).string("id");

        assertThat(api().get("/api/v1/bots", owner.accessToken()).items()).extracting(b -> b.get("id")).containsExactly(id);
        assertThat(api().delete("/api/v1/bots/" + id, owner.accessToken()).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/bots/" + id, owner.accessToken()).status()).isEqualTo(404);
        assertThat(api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "again")).status())
                .as("deleting frees the plan slot").isEqualTo(201);
    }

    @Test
    void onlyAdminsConfigureButEveryoneReads() {
        Session owner = api().signup("Bot Roles Co");
        String id = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "b")).string("id");
        Session agent = new Teams(api()).addMember(owner, "agent");

        assertThat(api().get("/api/v1/bots/" + id, agent.accessToken()).status()).isEqualTo(200);
        assertThat(api().patch("/api/v1/bots/" + id, agent.accessToken(), Map.of("name", "x")).status()).isEqualTo(403);
        assertThat(api().delete("/api/v1/bots/" + id, agent.accessToken()).status()).isEqualTo(403);
        assertThat(api().post("/api/v1/bots", agent.accessToken(), Map.of("name", "x")).status()).isEqualTo(403);
    }

    @Test
    void anotherTenantsBotIsNotFound() {
        Session ownerA = api().signup("Bot Tenant A");
        String keyA = api().post("/api/v1/api-keys", ownerA.accessToken(), Map.of("name", "a", "role", "admin")).string("key");
        Session ownerB = api().signup("Bot Tenant B");
        String botB = api().post("/api/v1/bots", ownerB.accessToken(), Map.of("name", "secret bot")).string("id");

        for (String credential : new String[]{ownerA.accessToken(), keyA}) {
            assertThat(api().get("/api/v1/bots/" + botB, credential).status()).isEqualTo(404);
            assertThat(api().patch("/api/v1/bots/" + botB, credential, Map.of("name", "stolen")).status()).isEqualTo(404);
            assertThat(api().delete("/api/v1/bots/" + botB, credential).status()).isEqualTo(404);
            assertThat(api().get("/api/v1/bots", credential).items()).extracting(b -> b.get("id")).doesNotContain(botB);
        }
        assertThat(api().get("/api/v1/bots/" + botB, ownerB.accessToken()).string("name")).isEqualTo("secret bot");
        assertThat(api().get("/api/v1/bots/not-a-uuid", ownerA.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void configurationChangesAreAuditedWithoutSecrets() {
        Session owner = api().signup("Bot Audit Co");
        String id = api().post("/api/v1/bots", owner.accessToken(), fullBot()).string("id");
        api().patch("/api/v1/bots/" + id, owner.accessToken(), Map.of("llm", Map.of("apiKey", "sk-NEW-SECRET-1234")));
        api().delete("/api/v1/bots/" + id, owner.accessToken());

        Reply log = api().get("/api/v1/audit-log?limit=3", owner.accessToken());
        assertThat(log.items()).extracting(e -> e.get("action")).containsExactly("bot.deleted", "bot.updated", "bot.created");
        assertThat(log.items().get(1).get("details")).isEqualTo(Map.of("fields", List.of("llm (including apiKey)")));
        assertThat(log.text()).doesNotContain("sk-NEW-SECRET").doesNotContain("SUPERSECRET");
    }
}
