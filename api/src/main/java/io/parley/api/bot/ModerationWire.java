package io.parley.api.bot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of a bot's {@code moderation} object (docs/llm.md, "Moderation"). */
final class ModerationWire {

    private ModerationWire() {
    }

    @Serdeable
    @Schema(name = "ModerationRequest", description = "Merges member by member (JSON Merge Patch); keywords are "
            + "replaced whole; actions merge category by category (null removes one); null resets moderation to off.")
    record ModerationRequest(
            @Nullable @Schema(description = "Moderate what contacts write before the LLM or a flow answers")
            Boolean input,
            @Nullable @Schema(description = "Moderate the LLM's answers before they are sent") Boolean output,
            @Nullable @Pattern(regexp = "none|platform|custom", message = "must be none, platform or custom")
            @Schema(type = "string", allowableValues = {"none", "platform", "custom"},
                    description = "The /v1/moderations endpoint: none (keywords only), the platform's, or baseUrl")
            String service,
            @Nullable @Size(max = 500) @Schema(description = "For service custom: an OpenAI-compatible base URL",
                    example = "https://api.openai.com/v1") String baseUrl,
            @Nullable @Size(max = 500) @Schema(description = "Write-only key of the custom endpoint; \"\" removes it",
                    format = "password") String apiKey,
            @Nullable @Size(max = 200) List<@Valid Keyword> keywords,
            @Nullable @Schema(description = "Category → crisis, refuse or flag; e.g. {\"self-harm\": \"crisis\"} "
                    + "(a family covers its subcategories). Flagged categories not listed are only flagged.")
            Map<String, String> actions,
            @Nullable @Size(max = 2000) @Schema(description = "Sent for a crisis, with your hotline text",
                    example = "You are not alone. Call 1925 (24 h) or talk to a person here.") String crisisMessage,
            @Nullable @Size(max = 2000) @Schema(example = "Sorry, I can't help with that.") String refusalMessage,
            @Nullable @Pattern(regexp = "fail_open|fail_closed", message = "must be fail_open or fail_closed")
            @Schema(type = "string", allowableValues = {"fail_open", "fail_closed"}, description = "When moderation "
                    + "or the LLM is unavailable: fail_closed sends the crisis message; fail_open answers (the "
                    + "message is marked unchecked) or sends the fallback message") String onUnavailable,
            @Nullable @Min(1) @Max(1000) @Schema(description = "Longer messages get tooLongMessage and never reach "
                    + "the LLM", example = "500") Integer maxInputLength,
            @Nullable @Size(max = 2000) @Schema(example = "Could you say that in fewer words?")
            String tooLongMessage) {

        @Override
        public String toString() {
            return "ModerationRequest[" + input + ", " + output + ", " + service + "]";
        }
    }

    @Serdeable
    @Schema(name = "ModerationKeyword")
    record Keyword(
            @Size(min = 1, max = 200) @Schema(requiredMode = REQUIRED, example = "kill myself") String pattern,
            @Nullable @Schema(description = "true: pattern is a regular expression (else a word or phrase, "
                    + "case-insensitive)") Boolean regex,
            @Size(min = 1, max = 60) @Schema(requiredMode = REQUIRED, example = "self-harm") String category) {
    }

    @Serdeable
    @Schema(name = "Moderation", description = "A bot's moderation and safety settings (docs/llm.md)")
    record ModerationView(
            @Schema(requiredMode = REQUIRED) boolean input,
            @Schema(requiredMode = REQUIRED) boolean output,
            @Schema(requiredMode = REQUIRED, type = "string", allowableValues = {"none", "platform", "custom"})
            String service,
            @Nullable String baseUrl,
            @Schema(requiredMode = REQUIRED, description = "Whether a key is stored (it is never returned)")
            boolean apiKeySet,
            @Nullable String apiKeyHint,
            @Schema(requiredMode = REQUIRED) List<Keyword> keywords,
            @Schema(requiredMode = REQUIRED) Map<String, String> actions,
            @Nullable String crisisMessage,
            @Nullable String refusalMessage,
            @Schema(requiredMode = REQUIRED, type = "string", allowableValues = {"fail_open", "fail_closed"})
            String onUnavailable,
            @Nullable Integer maxInputLength,
            @Nullable String tooLongMessage) {
    }
}
