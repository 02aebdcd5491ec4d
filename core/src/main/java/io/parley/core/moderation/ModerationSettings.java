package io.parley.core.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bot's moderation and safety settings, stored as JSON in {@code bots.moderation} (V155; docs/llm.md). {@code {}}
 * is "off": nothing checked, the LLM's failure answered with the fallback message, no input length limit.
 *
 * @param input          moderate what contacts write, before the LLM (or a flow) answers it
 * @param output         moderate the LLM's answers before they are sent
 * @param service        which {@code /v1/moderations} endpoint checks texts: {@code none} (the keyword list only),
 *                       {@code platform} (parley.moderation.*) or {@code custom} ({@code baseUrl} and the bot's key)
 * @param apiKeySealed   the custom endpoint's key, SecretBox-sealed for this bot (never returned)
 * @param keywords       words or regular expressions, each with the category it flags
 * @param actions        category → {@code crisis}, {@code refuse} or {@code flag}; a category not listed is looked
 *                       up by its family ("self-harm" for "self-harm/intent"), else only flagged
 * @param onUnavailable  {@code fail_open} (answer, the message marked unchecked) or {@code fail_closed} (the crisis
 *                       message) when moderation or the LLM cannot answer
 * @param maxInputLength a longer message gets {@code tooLongMessage} and never reaches the LLM (null: no limit)
 */
@Serdeable
public record ModerationSettings(
        boolean input,
        boolean output,
        @Nullable String service,
        @Nullable String baseUrl,
        @Nullable String apiKeySealed,
        @Nullable String apiKeyHint,
        @Nullable List<Keyword> keywords,
        @Nullable Map<String, String> actions,
        @Nullable String crisisMessage,
        @Nullable String refusalMessage,
        @Nullable String onUnavailable,
        @Nullable Integer maxInputLength,
        @Nullable String tooLongMessage) {

    public static final String NONE = "none";
    public static final String PLATFORM = "platform";
    public static final String CUSTOM = "custom";
    public static final String FAIL_OPEN = "fail_open";
    public static final String FAIL_CLOSED = "fail_closed";
    public static final Set<String> SERVICES = Set.of(NONE, PLATFORM, CUSTOM);

    public static final ModerationSettings OFF = new ModerationSettings(false, false, null, null, null, null, null,
            null, null, null, null, null, null);

    public static final String DEFAULT_CRISIS_MESSAGE = "It sounds like you are going through something very hard, "
            + "and you don't have to face it alone. A person from our team will reach out to you here. If you are in "
            + "danger right now, please call your local emergency number.";
    public static final String DEFAULT_REFUSAL_MESSAGE = "Sorry, I can't help with that. Is there something else "
            + "I can do for you?";
    public static final String DEFAULT_TOO_LONG_MESSAGE = "Your message is too long for me. Could you say it in "
            + "fewer words?";

    public ModerationSettings {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        actions = actions == null ? Map.of() : Map.copyOf(actions);
    }

    /** One entry of the keyword list: a word (matched case-insensitively) or a regular expression. */
    @Serdeable
    public record Keyword(String pattern, boolean regex, String category) {
    }

    /** The SecretBox context of a bot's moderation key: a sealed key copied to another bot does not open. */
    public static String keyContext(java.util.UUID tenantId, java.util.UUID botId) {
        return "tenant:" + tenantId + "/bot:" + botId + "/moderationApiKey";
    }

    /** The moderation service in use ({@code none} when unset). */
    public String serviceOrNone() {
        return service == null ? NONE : service;
    }

    /** True when anything is checked at all (a service or keywords, on input or output). */
    public boolean checks(boolean inbound) {
        return (inbound ? input : output) && (!NONE.equals(serviceOrNone()) || !keywords.isEmpty());
    }

    public boolean failClosed() {
        return FAIL_CLOSED.equals(onUnavailable);
    }

    public String crisisText() {
        return crisisMessage == null || crisisMessage.isBlank() ? DEFAULT_CRISIS_MESSAGE : crisisMessage;
    }

    public String refusalText() {
        return refusalMessage == null || refusalMessage.isBlank() ? DEFAULT_REFUSAL_MESSAGE : refusalMessage;
    }

    public String tooLongText() {
        return tooLongMessage == null || tooLongMessage.isBlank() ? DEFAULT_TOO_LONG_MESSAGE : tooLongMessage;
    }

    /** What a flagged category asks for: its own action, its family's ("self-harm/intent" → "self-harm"), or flag. */
    public ModerationAction actionFor(String category) {
        String action = actions.get(category);
        if (action == null && category.contains("/")) {
            action = actions.get(category.substring(0, category.indexOf('/')));
        }
        return action == null ? ModerationAction.FLAG : ModerationAction.of(action);
    }

    @Override
    public String toString() {
        return "ModerationSettings[input " + input + ", output " + output + ", " + serviceOrNone() + "]";
    }
}
