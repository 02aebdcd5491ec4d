package io.parley.api.bot;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * What the API needs to know of the platform's default LLM ({@code parley.llm.*}, configured for the worker): whether
 * bots that bring nothing of their own get it, or the demo LLM. Only the presence of the key is kept in sight.
 */
@ConfigurationProperties("parley.llm")
record PlatformLlm(@Bindable(defaultValue = "openai-compatible") String provider, @Nullable String apiKey) {

    /** True when bots without a provider of their own use the platform's LLM (a key, or Ollama which needs none). */
    boolean available() {
        return (apiKey != null && !apiKey.isBlank()) || "ollama".equals(provider);
    }

    @Override
    public String toString() {
        return "PlatformLlm[" + provider + ", key " + (available() ? "set" : "not set") + "]";
    }
}
