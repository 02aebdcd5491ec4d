package io.parley.worker.moderation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code parley.moderation.*}: the platform's moderation service, used by bots whose moderation service is
 * {@code platform} (PARLEY_MODERATION_BASE_URL, PARLEY_MODERATION_API_KEY). Without a key the platform service is
 * unavailable and such bots get their configured failure behaviour (never a silent skip).
 *
 * @param baseUrl an OpenAI-compatible base URL; texts are POSTed to {@code {baseUrl}/moderations}
 * @param model   the moderation model asked for
 * @param timeout one check's time budget (a turn waits for it before the LLM)
 */
@ConfigurationProperties("parley.moderation")
public record ModerationConfig(
        @Bindable(defaultValue = "https://api.openai.com/v1") @NotBlank String baseUrl,
        @Nullable String apiKey,
        @Bindable(defaultValue = "omni-moderation-latest") @NotBlank String model,
        @Bindable(defaultValue = "5s") @NotNull Duration timeout) {

    @Override
    public String toString() {
        return "ModerationConfig[" + baseUrl + ", " + model + ", key " + (apiKey == null ? "not set" : "set") + "]";
    }
}
