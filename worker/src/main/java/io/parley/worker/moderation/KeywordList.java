package io.parley.worker.moderation;

import io.parley.core.moderation.ModerationSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A bot's keyword list: a word or phrase matches when the text contains it, case-insensitively (no word boundaries:
 * they do not exist in Chinese); a regular expression when it finds a match (case-insensitive, Unicode). Patterns
 * are checked when stored (api BotModeration); one that no longer compiles is skipped.
 */
final class KeywordList {

    private KeywordList() {
    }

    /** The categories of the entries that match {@code text}, in list order, without repeats. */
    static List<String> match(List<ModerationSettings.Keyword> keywords, String text) {
        List<String> categories = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (ModerationSettings.Keyword keyword : keywords) {
            if (!categories.contains(keyword.category()) && matches(keyword, text, lower)) {
                categories.add(keyword.category());
            }
        }
        return categories;
    }

    private static boolean matches(ModerationSettings.Keyword keyword, String text, String lower) {
        if (!keyword.regex()) {
            return lower.contains(keyword.pattern().toLowerCase(Locale.ROOT));
        }
        try {
            return Pattern.compile(keyword.pattern(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(text).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
