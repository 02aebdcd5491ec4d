package io.parley.worker.llm;

import io.parley.core.bot.BotRow;
import io.parley.core.secrets.SecretBox;
import io.parley.core.secrets.SecretUnreadableException;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Which endpoint answers for a bot, in this order:
 * <ol>
 *   <li>provider "demo" → the demo LLM;</li>
 *   <li>a native provider (anthropic, gemini, ollama, azure-openai) → the bot's own settings: its key (the API
 *       validated that the provider's required fields are there), its base URL or the provider's public one;</li>
 *   <li>openai-compatible with the bot's own key → its base URL (or the platform's) with that key;</li>
 *   <li>openai-compatible with a base URL but no key (vLLM without --api-key) → that URL, keyless — the platform's
 *       key is never sent to a URL a tenant chose;</li>
 *   <li>openai-compatible with nothing of its own → the platform's default LLM ({@code parley.llm.provider}), when
 *       it has a key (or is Ollama);</li>
 *   <li>otherwise the demo LLM: no key is configured anywhere.</li>
 * </ol>
 * The model is the bot's, else the platform's default.
 */
@Singleton
public final class LlmEndpoints {

    /** Where a native provider answers when the bot names no base URL. */
    static final Map<String, String> PUBLIC_BASE_URLS = Map.of(
            LlmEndpoint.ANTHROPIC, "https://api.anthropic.com/v1",
            LlmEndpoint.GEMINI, "https://generativelanguage.googleapis.com/v1beta",
            LlmEndpoint.OLLAMA, "http://localhost:11434");

    private final LlmSettings settings;
    private final SecretBox secrets;

    LlmEndpoints(LlmSettings settings, SecretBox secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    /** @throws LlmFailure when the bot's sealed key cannot be opened (wrong encryption key configured) */
    public LlmEndpoint forBot(BotRow bot) {
        String provider = bot.llmProvider();
        if (LlmEndpoint.DEMO.equals(provider)) {
            return LlmEndpoint.demo();
        }
        String model = blank(bot.llmModel()) ? settings.model() : bot.llmModel();
        String key = bot.llmApiKeySealed() == null ? null : open(bot);
        if (!LlmEndpoint.OPENAI_COMPATIBLE.equals(provider)) {
            String baseUrl = blank(bot.llmBaseUrl()) ? PUBLIC_BASE_URLS.getOrDefault(provider, settings.baseUrl())
                    : bot.llmBaseUrl();
            String apiVersion = LlmEndpoint.AZURE_OPENAI.equals(provider)
                    ? (blank(bot.llmApiVersion()) ? settings.apiVersion() : bot.llmApiVersion()) : null;
            return new LlmEndpoint(provider, baseUrl, key, model, apiVersion);
        }
        if (key != null) {
            String baseUrl = blank(bot.llmBaseUrl()) ? settings.baseUrl() : bot.llmBaseUrl();
            return new LlmEndpoint(LlmEndpoint.OPENAI_COMPATIBLE, baseUrl, key, model);
        }
        if (!blank(bot.llmBaseUrl())) {
            return new LlmEndpoint(LlmEndpoint.OPENAI_COMPATIBLE, bot.llmBaseUrl(), null, model);
        }
        if (settings.hasPlatformLlm()) {
            return settings.platformEndpoint(bot.llmModel());
        }
        return LlmEndpoint.demo();
    }

    private String open(BotRow bot) {
        try {
            return secrets.open(bot.llmApiKeySealed(), "tenant:" + bot.tenantId() + "/bot:" + bot.id() + "/llmApiKey");
        } catch (SecretUnreadableException e) {
            throw new LlmFailure(LlmOutcome.ERROR, "the bot's LLM key cannot be opened", false, false, null);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
