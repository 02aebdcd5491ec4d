package io.parley.worker.llm;

import io.parley.core.bot.BotRow;
import io.parley.core.secrets.SecretBox;
import io.parley.core.secrets.SecretUnreadableException;
import jakarta.inject.Singleton;

/**
 * Which endpoint answers for a bot, in this order:
 * <ol>
 *   <li>provider "demo" → the demo LLM;</li>
 *   <li>the bot's own key → its base URL (or the platform's) with that key;</li>
 *   <li>a base URL without a key (Ollama, vLLM without --api-key) → that URL, keyless — the platform's key is never
 *       sent to a URL a tenant chose;</li>
 *   <li>the platform key (PARLEY_LLM_API_KEY) → the platform's base URL;</li>
 *   <li>otherwise the demo LLM: no key is configured anywhere.</li>
 * </ol>
 * The model is the bot's, else the platform's default.
 */
@Singleton
public final class LlmEndpoints {

    private final LlmSettings settings;
    private final SecretBox secrets;

    LlmEndpoints(LlmSettings settings, SecretBox secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    /** @throws LlmFailure when the bot's sealed key cannot be opened (wrong encryption key configured) */
    public LlmEndpoint forBot(BotRow bot) {
        if (LlmEndpoint.DEMO.equals(bot.llmProvider())) {
            return LlmEndpoint.demo();
        }
        String model = blank(bot.llmModel()) ? settings.model() : bot.llmModel();
        if (bot.llmApiKeySealed() != null) {
            String key;
            try {
                key = secrets.open(bot.llmApiKeySealed(), "tenant:" + bot.tenantId() + "/bot:" + bot.id() + "/llmApiKey");
            } catch (SecretUnreadableException e) {
                throw new LlmFailure(LlmOutcome.ERROR, "the bot's LLM key cannot be opened", false, false, null);
            }
            String baseUrl = blank(bot.llmBaseUrl()) ? settings.baseUrl() : bot.llmBaseUrl();
            return new LlmEndpoint(LlmEndpoint.OPENAI_COMPATIBLE, baseUrl, key, model);
        }
        if (!blank(bot.llmBaseUrl())) {
            return new LlmEndpoint(LlmEndpoint.OPENAI_COMPATIBLE, bot.llmBaseUrl(), null, model);
        }
        if (settings.hasPlatformKey()) {
            return new LlmEndpoint(LlmEndpoint.OPENAI_COMPATIBLE, settings.baseUrl(), settings.apiKey(), model);
        }
        return LlmEndpoint.demo();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
