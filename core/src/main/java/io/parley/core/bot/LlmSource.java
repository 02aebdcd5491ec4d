package io.parley.core.bot;

import java.util.Locale;

/**
 * Who answers a bot's LLM calls, so the dashboard can say it honestly (a new bot with empty fields silently runs on
 * the demo LLM unless the platform has a key). The rule is the worker's {@code LlmEndpoints.forBot}, in the same
 * order; keep the two together.
 */
public enum LlmSource {
    /** The built-in demo model: canned replies, no LLM at all. */
    DEMO,
    /** The operator's default LLM ({@code parley.llm.*}): the bot brings nothing of its own. */
    PLATFORM,
    /** The bot's own provider, URL or key. */
    OWN;

    /** The wire name: demo, platform, own. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param provider    the bot's provider (openai-compatible, anthropic, …, demo)
     * @param baseUrl     the bot's base URL, if any
     * @param keySet      whether the bot stores a key of its own
     * @param platformLlm whether the platform has an LLM for bots without one (a key, or Ollama)
     */
    public static LlmSource of(String provider, String baseUrl, boolean keySet, boolean platformLlm) {
        if ("demo".equals(provider)) {
            return DEMO;
        }
        if (!"openai-compatible".equals(provider) || keySet || (baseUrl != null && !baseUrl.isBlank())) {
            return OWN;
        }
        return platformLlm ? PLATFORM : DEMO;
    }
}
