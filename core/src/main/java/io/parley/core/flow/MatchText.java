package io.parley.core.flow;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How message text is compared with triggers. NFKC folds compatibility forms, so full-width "ＨＥＬＬＯ１" is
 * "HELLO1", half-width "ｶﾀｶﾅ" is "カタカナ" and the ideographic space is a space; keywords are then case-folded
 * (upper then lower case, so "ß" equals "SS" and "ς" equals "Σ") and runs of whitespace become one space.
 * Scripts without case (Chinese, Japanese) pass through unchanged.
 */
final class MatchText {

    private static final Pattern WHITESPACE = Pattern.compile("\\p{javaWhitespace}+");

    private MatchText() {
    }

    /** The form keywords and messages are compared in. */
    static String keyword(String text) {
        String folded = regex(text).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(folded).replaceAll(" ");
    }

    /** The form regexes see: NFKC and trimmed, case left to the pattern's CASE_INSENSITIVE | UNICODE_CASE flags. */
    static String regex(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }
}
