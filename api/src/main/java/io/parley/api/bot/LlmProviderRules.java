package io.parley.api.bot;

import io.parley.core.bot.BotRow;
import io.parley.http.problem.ProblemException;

import java.util.regex.Pattern;

/**
 * What each LLM provider needs, checked on the bot as it will be stored (after the merge, so a PATCH that changes
 * only the provider is checked against the settings it keeps):
 * <ul>
 *   <li>anthropic, gemini: an API key and a model (the public base URL is used when none is given);</li>
 *   <li>azure-openai: the resource URL, an API key, the deployment's name (as the model) and an api-version;</li>
 *   <li>ollama: the server's URL and a model, no key (Ollama has none);</li>
 *   <li>openai-compatible and demo: as before (no key = the platform's LLM).</li>
 * </ul>
 */
final class LlmProviderRules {

    static final String REQUIRED = "is required by this provider";
    static final String NO_KEY_FOR_OLLAMA = "must not be set: Ollama takes no API key";
    static final String DEPLOYMENT = "must be an Azure deployment name: 1-64 letters, digits, '.', '_' or '-'";
    static final String API_VERSION = "must be an Azure api-version such as 2024-10-21 or 2025-01-01-preview";
    static final String ONLY_AZURE = "is only used by azure-openai";

    private static final Pattern DEPLOYMENT_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern AZURE_API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");

    private LlmProviderRules() {
    }

    static void check(BotRow bot) {
        String provider = bot.llmProvider();
        boolean azure = "azure-openai".equals(provider);
        if (bot.llmApiVersion() != null && !azure) {
            throw ProblemException.invalidField("llm.apiVersion", ONLY_AZURE);
        }
        switch (provider) {
            case "anthropic", "gemini" -> {
                require("llm.apiKey", bot.llmApiKeySealed());
                require("llm.model", bot.llmModel());
            }
            case "azure-openai" -> {
                require("llm.baseUrl", bot.llmBaseUrl());
                require("llm.apiKey", bot.llmApiKeySealed());
                require("llm.model", bot.llmModel());
                require("llm.apiVersion", bot.llmApiVersion());
                if (!DEPLOYMENT_NAME.matcher(bot.llmModel()).matches()) {
                    throw ProblemException.invalidField("llm.model", DEPLOYMENT);
                }
                if (!AZURE_API_VERSION.matcher(bot.llmApiVersion()).matches()) {
                    throw ProblemException.invalidField("llm.apiVersion", API_VERSION);
                }
            }
            case "ollama" -> {
                require("llm.baseUrl", bot.llmBaseUrl());
                require("llm.model", bot.llmModel());
                if (bot.llmApiKeySealed() != null) {
                    throw ProblemException.invalidField("llm.apiKey", NO_KEY_FOR_OLLAMA);
                }
            }
            default -> {
                // openai-compatible, demo: every field optional
            }
        }
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, REQUIRED);
        }
    }
}
