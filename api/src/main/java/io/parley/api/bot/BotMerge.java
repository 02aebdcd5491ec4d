package io.parley.api.bot;

import io.parley.core.bot.BotRow;
import io.parley.core.bot.PersonaTemplate;
import io.parley.http.problem.ProblemException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Applies a create/patch request to a bot row: absent fields keep their value, "" clears optional text, the limits
 * object is replaced as a whole, an API key is sealed (or removed with ""). Also the checks bean validation cannot
 * express: URL shape, template placeholders, tier names.
 */
final class BotMerge {

    private static final Pattern TIER = Pattern.compile("[a-z0-9_-]{1,40}");

    private BotMerge() {
    }

    static BotRow apply(BotRow base, BotWire.BotRequest request, BiFunction<BotRow, String, String> seal,
                        Function<Map<String, BotWire.TierLimits>, String> tiersToJson) {
        validate(request);
        BotWire.LlmSettings llm = request.llm();
        String sealedKey = base.llmApiKeySealed();
        String keyHint = base.llmApiKeyHint();
        if (llm != null && llm.apiKey() != null) {
            boolean remove = llm.apiKey().isBlank();
            sealedKey = remove ? null : seal.apply(base, llm.apiKey().trim());
            keyHint = remove ? null : "…" + last4(llm.apiKey().trim());
        }
        BotWire.Limits limits = request.limits();
        return new BotRow(base.tenantId(), base.id(),
                request.name() != null ? request.name().trim() : base.name(),
                pick(request.status(), base.status()),
                request.persona() != null ? request.persona() : base.persona(),
                llm != null && llm.provider() != null ? llm.provider() : base.llmProvider(),
                llm != null ? text(llm.baseUrl(), base.llmBaseUrl()) : base.llmBaseUrl(),
                llm != null ? text(llm.model(), base.llmModel()) : base.llmModel(),
                sealedKey, keyHint,
                llm != null && llm.temperature() != null ? llm.temperature() : base.llmTemperature(),
                llm != null && llm.maxTokens() != null ? llm.maxTokens() : base.llmMaxTokens(),
                llm != null && llm.timeoutMs() != null ? llm.timeoutMs() : base.llmTimeoutMs(),
                request.historyWindow() != null ? request.historyWindow() : base.historyWindow(),
                text(request.welcomeMessage(), base.welcomeMessage()),
                text(request.fallbackMessage(), base.fallbackMessage()),
                text(request.limitMessage(), base.limitMessage()),
                pick(request.outputConversion(), base.outputConversion()),
                limits != null ? limits.perHour() : base.limitPerHour(),
                limits != null ? limits.perDay() : base.limitPerDay(),
                limits != null ? tiersToJson.apply(limits.tiers()) : base.tierLimits(),
                request.moderation() != null ? request.moderation() : base.moderation(),
                base.version(), base.createdAt(), base.updatedAt());
    }

    /** The request's field names that were sent (for the audit log; values may be secret). */
    static List<String> changedFields(BotWire.BotRequest request) {
        List<String> fields = new ArrayList<>();
        if (request.name() != null) fields.add("name");
        if (request.persona() != null) fields.add("persona");
        if (request.llm() != null) fields.add(request.llm().apiKey() != null ? "llm (including apiKey)" : "llm");
        if (request.historyWindow() != null) fields.add("historyWindow");
        if (request.welcomeMessage() != null) fields.add("welcomeMessage");
        if (request.fallbackMessage() != null) fields.add("fallbackMessage");
        if (request.limitMessage() != null) fields.add("limitMessage");
        if (request.outputConversion() != null) fields.add("outputConversion");
        if (request.limits() != null) fields.add("limits");
        if (request.moderation() != null) fields.add("moderation");
        if (request.status() != null) fields.add("status");
        return fields;
    }

    private static void validate(BotWire.BotRequest request) {
        if (request.name() != null && request.name().isBlank()) {
            throw ProblemException.invalidField("name", "must not be blank");
        }
        requireKnownPlaceholders("persona", request.persona(), false);
        requireKnownPlaceholders("welcomeMessage", request.welcomeMessage(), true);
        requireKnownPlaceholders("fallbackMessage", request.fallbackMessage(), false);
        requireKnownPlaceholders("limitMessage", request.limitMessage(), false);
        if (request.llm() != null && request.llm().baseUrl() != null && !request.llm().baseUrl().isBlank()) {
            try {
                URI uri = URI.create(request.llm().baseUrl().trim());
                if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("llm.baseUrl", "must be an http(s) URL such as https://api.openai.com/v1");
            }
        }
        if (request.limits() != null && request.limits().tiers() != null) {
            for (String tier : request.limits().tiers().keySet()) {
                if (!TIER.matcher(tier).matches()) {
                    throw ProblemException.invalidField("limits.tiers", "tier '" + tier + "' must be 1-40 of [a-z0-9_-]");
                }
            }
        }
    }

    private static void requireKnownPlaceholders(String field, String template, boolean setupUrlAllowed) {
        List<String> unknown = PersonaTemplate.unknownPlaceholders(template, setupUrlAllowed);
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidField(field, "unknown placeholder {{" + unknown.get(0) + "}}; use "
                    + "{{contact.displayName}}, {{contact.tier}}, {{contact.attributes.<key>}}, {{bot.name}}"
                    + (setupUrlAllowed ? " or {{setupUrl}}" : ""));
        }
    }

    private static String pick(String requested, String current) {
        return requested != null ? requested : current;
    }

    /** null keeps, "" clears, anything else replaces. */
    private static String text(String requested, String current) {
        if (requested == null) {
            return current;
        }
        return requested.isBlank() ? null : requested;
    }

    private static String last4(String secret) {
        return secret.length() <= 4 ? "" : secret.substring(secret.length() - 4);
    }
}
