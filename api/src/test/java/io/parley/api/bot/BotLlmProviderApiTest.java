package io.parley.api.bot;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each provider's required fields, checked on the bot as it will be stored. */
@MicronautTest(transactional = false)
class BotLlmProviderApiTest extends ApiTest {

    private Reply create(Session owner, Map<String, Object> llm) {
        return api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Mei", "llm", llm));
    }

    @Test
    void anthropicAndGeminiNeedAKeyAndAModel() {
        Session owner = api().signup("Anthropic Co");

        Reply noKey = create(owner, Map.of("provider", "anthropic", "model", "claude-sonnet-4-5"));
        Reply noModel = create(owner, Map.of("provider", "gemini", "apiKey", "AIza-secret-1234"));
        Reply complete = create(owner, Map.of("provider", "anthropic", "model", "claude-sonnet-4-5",
                "apiKey", "sk-ant-secret-9xYz"));

        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.string("errors.0.field")).isEqualTo("llm.apiKey");
        assertThat(noKey.string("detail")).contains("is required by this provider");
        assertThat(noModel.string("errors.0.field")).isEqualTo("llm.model");
        assertThat(complete.status()).as(complete.text()).isEqualTo(201);
        assertThat(complete.string("llm.provider")).isEqualTo("anthropic");
        assertThat(complete.at("llm.apiKeySet")).isEqualTo(true);
        assertThat(complete.text()).doesNotContain("sk-ant-secret");
    }

    @Test
    void azureNeedsItsResourceDeploymentKeyAndApiVersion() {
        Session owner = api().signup("Azure Co");
        Map<String, Object> azure = Map.of("provider", "azure-openai", "baseUrl", "https://mei.openai.azure.com",
                "model", "mei-gpt4o", "apiKey", "azure-secret-1234", "apiVersion", "2024-10-21");

        Reply noVersion = create(owner, without(azure, "apiVersion"));
        Reply noResource = create(owner, without(azure, "baseUrl"));
        Reply badDeployment = create(owner, with(azure, "model", "mei gpt/4o"));
        Reply badVersion = create(owner, with(azure, "apiVersion", "latest"));
        Reply complete = create(owner, azure);

        assertThat(noVersion.string("errors.0.field")).isEqualTo("llm.apiVersion");
        assertThat(noResource.string("errors.0.field")).isEqualTo("llm.baseUrl");
        assertThat(badDeployment.string("errors.0.field")).isEqualTo("llm.model");
        assertThat(badVersion.string("errors.0.field")).isEqualTo("llm.apiVersion");
        assertThat(complete.status()).as(complete.text()).isEqualTo(201);
        assertThat(complete.string("llm.apiVersion")).isEqualTo("2024-10-21");
        String id = complete.string("id");
        assertThat(api().get("/api/v1/bots/" + id, owner.accessToken()).string("llm.apiVersion"))
                .as("stored").isEqualTo("2024-10-21");
    }

    @Test
    void ollamaNeedsItsServerAndModelAndTakesNoKey() {
        Session owner = api().signup("Ollama Co");

        Reply withKey = create(owner, Map.of("provider", "ollama", "baseUrl", "http://gpu-box:11434",
                "model", "llama3.2", "apiKey", "not-for-ollama"));
        Reply noServer = create(owner, Map.of("provider", "ollama", "model", "llama3.2"));
        Reply complete = create(owner, Map.of("provider", "ollama", "baseUrl", "http://gpu-box:11434",
                "model", "llama3.2"));

        assertThat(withKey.string("errors.0.field")).isEqualTo("llm.apiKey");
        assertThat(noServer.string("errors.0.field")).isEqualTo("llm.baseUrl");
        assertThat(complete.status()).as(complete.text()).isEqualTo(201);
        assertThat(complete.at("llm.apiKeySet")).isEqualTo(false);
    }

    @Test
    void changingTheProviderWithoutANewKeyDropsTheOldProvidersKey() {
        Session owner = api().signup("Switch Co");
        String id = create(owner, Map.of("provider", "openai-compatible", "apiKey", "sk-openai-secret-1111"))
                .string("id");

        Reply switchedWithoutKey = api().patch("/api/v1/bots/" + id, owner.accessToken(),
                Map.of("llm", Map.of("provider", "gemini", "model", "gemini-2.0-flash")));
        Reply switchedWithKey = api().patch("/api/v1/bots/" + id, owner.accessToken(),
                Map.of("llm", Map.of("provider", "gemini", "model", "gemini-2.0-flash", "apiKey", "AIza-new-2222")));

        assertThat(switchedWithoutKey.status()).isEqualTo(400);
        assertThat(switchedWithoutKey.string("errors.0.field")).isEqualTo("llm.apiKey");
        assertThat(switchedWithKey.status()).as(switchedWithKey.text()).isEqualTo(200);
        assertThat(switchedWithKey.string("llm.apiKeyHint")).isEqualTo("…2222");
    }

    @Test
    void unknownProvidersAndAnApiVersionOutsideAzureAreRejected() {
        Session owner = api().signup("Strict Co");

        Reply unknown = create(owner, Map.of("provider", "mistral"));
        Reply stray = create(owner, Map.of("provider", "openai-compatible", "apiVersion", "2024-10-21"));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.string("errors.0.field")).isEqualTo("llm.provider");
        assertThat(stray.string("errors.0.field")).isEqualTo("llm.apiVersion");
    }

    private static Map<String, Object> without(Map<String, Object> map, String key) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
