package io.parley.api.bot;

import io.parley.core.bot.BotRow;
import io.parley.core.bot.PersonaTemplate;
import io.parley.http.json.MergePatch;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemMessages;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Applies a create or a JSON Merge Patch (RFC 7396) to a bot row, all the way down: a member left out keeps its
 * value, {@code null} removes it (optional text, LLM settings, limits, a tier), any other value replaces it, and
 * the objects {@code llm}, {@code limits}, {@code limits.tiers} and each tier merge member by member. "" still clears
 * optional text (as before). Members that cannot be absent (name, status, historyWindow, outputConversion,
 * llm.provider) reject null. An API key is sealed (or removed with null or ""). Also the checks bean validation
 * cannot express: URL shape, template placeholders, tier names; what each LLM provider needs ({@link LlmProviderRules}).
 * {@code moderation} is merged by {@link BotModeration}. Changing the provider without sending a key removes the stored
 * key.
 */
final class BotMerge {

    private static final Pattern TIER = Pattern.compile("[a-z0-9_-]{1,40}");
    private static final List<String> REQUIRED = List.of("name", "status", "historyWindow", "outputConversion",
            "llm.provider");

    private BotMerge() {
    }

    static BotRow apply(BotRow base, BotWire.BotRequest request, MergePatch patch,
                        BiFunction<BotRow, String, String> seal, Tiers tiers) {
        validate(request, patch);
        BotWire.LlmSettings llm = request.llm() != null ? request.llm() : NO_LLM;
        BotWire.Limits limits = request.limits() != null ? request.limits() : NO_LIMITS;
        String sealedKey = member(patch, "llm.apiKey", null, base.llmApiKeySealed());
        String keyHint = sealedKey == null ? null : base.llmApiKeyHint();
        if (llm.apiKey() != null) {
            boolean remove = llm.apiKey().isBlank();
            sealedKey = remove ? null : seal.apply(base, llm.apiKey().trim());
            keyHint = remove ? null : "…" + last4(llm.apiKey().trim());
        }
        String provider = llm.provider() != null ? llm.provider()
                : patch.removes("llm") ? DEFAULT_PROVIDER : base.llmProvider();
        if (!provider.equals(base.llmProvider()) && llm.apiKey() == null) {
            sealedKey = null; // a key belongs to its provider: another provider's key is never sent on
            keyHint = null;
        }
        BotRow merged = new BotRow(base.tenantId(), base.id(),
                request.name() != null ? request.name().trim() : base.name(),
                pick(request.status(), base.status()),
                patch.removes("persona") ? "" : pick(request.persona(), base.persona()),
                provider,
                text(patch, "llm.baseUrl", llm.baseUrl(), base.llmBaseUrl()),
                text(patch, "llm.model", llm.model(), base.llmModel()),
                sealedKey, keyHint,
                member(patch, "llm.temperature", llm.temperature(), base.llmTemperature()),
                member(patch, "llm.maxTokens", llm.maxTokens(), base.llmMaxTokens()),
                member(patch, "llm.timeoutMs", llm.timeoutMs(), base.llmTimeoutMs()),
                request.historyWindow() != null ? request.historyWindow() : base.historyWindow(),
                text(patch, "welcomeMessage", request.welcomeMessage(), base.welcomeMessage()),
                text(patch, "fallbackMessage", request.fallbackMessage(), base.fallbackMessage()),
                text(patch, "limitMessage", request.limitMessage(), base.limitMessage()),
                text(patch, "quotaMessage", request.quotaMessage(), base.quotaMessage()),
                pick(request.outputConversion(), base.outputConversion()),
                member(patch, "limits.perHour", limits.perHour(), base.limitPerHour()),
                member(patch, "limits.perDay", limits.perDay(), base.limitPerDay()),
                tiers.write(patch.removes("limits") ? Map.of() : mergeTiers(tiers.read(base.tierLimits()), limits, patch)),
                base.moderation(), // merged by BotModeration (its own key and sealing context)
                base.version(), base.createdAt(), base.updatedAt(),
                text(patch, "llm.apiVersion", llm.apiVersion(), base.llmApiVersion()),
                base.memorySettings(), // merged by BotMemory
                text(patch, "handoffText", request.handoffText(), base.handoffText()));
        LlmProviderRules.check(merged);
        return merged;
    }

    private static final BotWire.LlmSettings NO_LLM = new BotWire.LlmSettings(null, null, null, null, null, null, null,
            null);
    private static final BotWire.Limits NO_LIMITS = new BotWire.Limits(null, null, null);

    /** The provider a bot has when its LLM settings are removed (and a new bot's). */
    static final String DEFAULT_PROVIDER = "openai-compatible";

    /** Reads and writes the tier limits' stored JSON. */
    interface Tiers {
        Map<String, BotWire.TierLimits> read(String json);

        String write(Map<String, BotWire.TierLimits> tiers);
    }

    /** limits.tiers merges tier by tier; a tier with null is removed; inside a tier, perHour/perDay merge too. */
    private static Map<String, BotWire.TierLimits> mergeTiers(Map<String, BotWire.TierLimits> current,
                                                               BotWire.Limits limits, MergePatch patch) {
        if (patch.removes("limits.tiers")) {
            return Map.of();
        }
        if (limits == null || limits.tiers() == null) {
            return current;
        }
        Map<String, BotWire.TierLimits> merged = new LinkedHashMap<>(current);
        for (Map.Entry<String, BotWire.TierLimits> entry : limits.tiers().entrySet()) {
            String tier = entry.getKey();
            String path = "limits.tiers." + tier;
            if (patch.removes(path) || entry.getValue() == null) {
                merged.remove(tier);
                continue;
            }
            BotWire.TierLimits was = current.getOrDefault(tier, new BotWire.TierLimits(null, null));
            BotWire.TierLimits sent = entry.getValue();
            merged.put(tier, new BotWire.TierLimits(
                    member(patch, path + ".perHour", sent.perHour(), was.perHour()),
                    member(patch, path + ".perDay", sent.perDay(), was.perDay())));
        }
        return merged;
    }

    /**
     * A member's new value: removed (null) with its parent object or when sent as null, the value sent if any,
     * else (absent) the current one.
     */
    private static <T> T member(MergePatch patch, String path, T sent, T current) {
        int dot = path.lastIndexOf('.');
        if (dot > 0 && patch.removes(path.substring(0, dot))) {
            return null;
        }
        if (sent != null) {
            return sent;
        }
        return patch.removes(path) ? null : current;
    }

    /** An optional text member: as {@link #member}, and "" (or blank) clears it too. */
    private static String text(MergePatch patch, String path, String sent, String current) {
        String value = member(patch, path, sent, current);
        return value == null || value.isBlank() ? null : value;
    }

    /** The request's member names that were sent, null included (for the audit log; values may be secret). */
    static List<String> changedFields(BotWire.BotRequest request, MergePatch patch) {
        List<String> fields = new ArrayList<>();
        for (String name : List.of("name", "persona", "llm", "historyWindow", "welcomeMessage", "fallbackMessage",
                "limitMessage", "quotaMessage", "outputConversion", "limits", "moderation", "memory", "status",
                "handoffText")) {
            if (patch.has(name)) {
                fields.add(name.equals("llm") && patch.has("llm.apiKey") ? "llm (including apiKey)" : name);
            }
        }
        return fields;
    }

    private static void validate(BotWire.BotRequest request, MergePatch patch) {
        for (String field : REQUIRED) {
            if (patch.removes(field)) {
                throw ProblemException.invalidField(field, ProblemMessages.CANNOT_REMOVE);
            }
        }
        if (request.name() != null && request.name().isBlank()) {
            throw ProblemException.invalidField("name", "must not be blank");
        }
        requireKnownPlaceholders("persona", request.persona(), false, false);
        requireKnownPlaceholders("welcomeMessage", request.welcomeMessage(), true, true);
        requireKnownPlaceholders("fallbackMessage", request.fallbackMessage(), false, false);
        requireKnownPlaceholders("limitMessage", request.limitMessage(), false, true);
        requireKnownPlaceholders("quotaMessage", request.quotaMessage(), false, true);
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

    private static void requireKnownPlaceholders(String field, String template, boolean setupUrlAllowed,
                                                 boolean checkoutUrlAllowed) {
        List<String> unknown = PersonaTemplate.unknownPlaceholders(template, setupUrlAllowed, checkoutUrlAllowed);
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidField(field, "unknown placeholder {{" + unknown.get(0) + "}}; use "
                    + "{{contact.displayName}}, {{contact.tier}}, {{contact.attributes.<key>}}, {{bot.name}}"
                    + (setupUrlAllowed ? ", {{setupUrl}}" : "")
                    + (checkoutUrlAllowed ? ", {{checkoutUrl:<offer id>}}" : ""));
        }
    }

    private static String pick(String requested, String current) {
        return requested != null ? requested : current;
    }

    private static String last4(String secret) {
        return secret.length() <= 4 ? "" : secret.substring(secret.length() - 4);
    }
}
