package io.parley.api.bot;

import io.parley.core.bot.BotRow;
import io.parley.core.moderation.ModerationCodec;
import io.parley.core.moderation.ModerationSettings;
import io.parley.core.secrets.SecretBox;
import io.parley.http.json.MergePatch;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A bot's {@code moderation} object: merged as a JSON Merge Patch (members keep, null removes, {@code actions} merge
 * key by key, {@code keywords} are replaced whole, {@code moderation: null} turns it all off), checked, and the
 * custom endpoint's key sealed for the bot. Stored as JSON in {@code bots.moderation}.
 */
@Singleton
final class BotModeration {

    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9/_-]{1,60}");
    private static final Set<String> ACTIONS = Set.of("crisis", "refuse", "flag");

    private final ModerationCodec codec;
    private final SecretBox secrets;

    BotModeration(ModerationCodec codec, SecretBox secrets) {
        this.codec = codec;
        this.secrets = secrets;
    }

    /** The stored JSON after the request, for a bot whose stored moderation is {@code bot.moderation()}. */
    String merge(BotRow bot, ModerationWire.ModerationRequest sent, MergePatch patch) {
        if (patch.removes("moderation")) {
            return codec.write(ModerationSettings.OFF);
        }
        ModerationSettings base = codec.read(bot.moderation());
        if (sent == null) {
            return codec.write(base);
        }
        String sealed = member(patch, "apiKey", null, base.apiKeySealed());
        String hint = sealed == null ? null : base.apiKeyHint();
        if (sent.apiKey() != null) {
            String key = sent.apiKey().trim();
            sealed = key.isEmpty() ? null : secrets.seal(key, sealContext(bot));
            hint = key.isEmpty() ? null : "…" + (key.length() <= 4 ? "" : key.substring(key.length() - 4));
        }
        ModerationSettings merged = new ModerationSettings(
                Boolean.TRUE.equals(member(patch, "input", sent.input(), base.input())),
                Boolean.TRUE.equals(member(patch, "output", sent.output(), base.output())),
                member(patch, "service", sent.service(), base.service()),
                text(patch, "baseUrl", sent.baseUrl(), base.baseUrl()),
                sealed, hint,
                keywords(patch, sent.keywords(), base.keywords()),
                actions(patch, sent.actions(), base.actions()),
                text(patch, "crisisMessage", sent.crisisMessage(), base.crisisMessage()),
                text(patch, "refusalMessage", sent.refusalMessage(), base.refusalMessage()),
                member(patch, "onUnavailable", sent.onUnavailable(), base.onUnavailable()),
                member(patch, "maxInputLength", sent.maxInputLength(), base.maxInputLength()),
                text(patch, "tooLongMessage", sent.tooLongMessage(), base.tooLongMessage()));
        validate(merged);
        return codec.write(merged);
    }

    /** Bound to its tenant and bot, like the LLM key; the worker opens it with the same context. */
    static String sealContext(BotRow bot) {
        return ModerationSettings.keyContext(bot.tenantId(), bot.id());
    }

    ModerationWire.ModerationView view(String stored) {
        ModerationSettings s = codec.read(stored);
        return new ModerationWire.ModerationView(s.input(), s.output(), s.serviceOrNone(), s.baseUrl(),
                s.apiKeySealed() != null, s.apiKeyHint(),
                s.keywords().stream().map(k -> new ModerationWire.Keyword(k.pattern(), k.regex(), k.category()))
                        .toList(),
                new LinkedHashMap<>(s.actions()), s.crisisMessage(), s.refusalMessage(),
                s.failClosed() ? ModerationSettings.FAIL_CLOSED : ModerationSettings.FAIL_OPEN, s.maxInputLength(),
                s.tooLongMessage());
    }

    private static List<ModerationSettings.Keyword> keywords(MergePatch patch, List<ModerationWire.Keyword> sent,
                                                             List<ModerationSettings.Keyword> current) {
        if (sent == null) {
            return patch.removes("moderation.keywords") ? List.of() : current;
        }
        for (int i = 0; i < sent.size(); i++) {
            ModerationWire.Keyword keyword = sent.get(i);
            String field = "moderation.keywords." + i;
            if (keyword == null || keyword.pattern() == null || keyword.pattern().isBlank()) {
                throw ProblemException.invalidField(field + ".pattern", "must not be blank");
            }
            requireCategory(field + ".category", keyword.category());
            if (Boolean.TRUE.equals(keyword.regex())) {
                try {
                    Pattern.compile(keyword.pattern());
                } catch (PatternSyntaxException e) {
                    throw ProblemException.invalidField(field + ".pattern", "is not a valid regular expression: " + e.getDescription());
                }
            }
        }
        return sent.stream().map(k -> new ModerationSettings.Keyword(k.pattern().trim(),
                Boolean.TRUE.equals(k.regex()), k.category())).toList();
    }

    private static Map<String, String> actions(MergePatch patch, Map<String, String> sent,
                                               Map<String, String> current) {
        if (sent == null) {
            return patch.removes("moderation.actions") ? Map.of() : current;
        }
        Map<String, String> merged = new LinkedHashMap<>(current);
        sent.forEach((category, action) -> {
            requireCategory("moderation.actions", category);
            if (action == null) {
                merged.remove(category);
            } else if (!ACTIONS.contains(action)) {
                throw ProblemException.invalidField("moderation.actions." + category, "must be crisis, refuse or flag");
            } else {
                merged.put(category, action);
            }
        });
        return merged;
    }

    private static void requireCategory(String field, String category) {
        if (category == null || !CATEGORY.matcher(category).matches()) {
            throw ProblemException.invalidField(field, "category must be 1-60 of [a-z0-9/_-]");
        }
    }

    private static void validate(ModerationSettings merged) {
        if (ModerationSettings.CUSTOM.equals(merged.service())) {
            if (merged.baseUrl() == null) {
                throw ProblemException.invalidField("moderation.baseUrl", "is required for service custom");
            }
            try {
                URI uri = URI.create(merged.baseUrl().trim());
                if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("moderation.baseUrl",
                        "must be an http(s) URL such as https://api.openai.com/v1");
            }
        }
    }

    private static <T> T member(MergePatch patch, String name, T sent, T current) {
        if (sent != null) {
            return sent;
        }
        return patch.removes("moderation." + name) ? null : current;
    }

    private static String text(MergePatch patch, String name, String sent, String current) {
        String value = member(patch, name, sent, current);
        return value == null || value.isBlank() ? null : value;
    }
}
