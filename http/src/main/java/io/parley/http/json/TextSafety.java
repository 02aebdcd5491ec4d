package io.parley.http.json;

import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemMessages;

/**
 * Text PostgreSQL cannot store: the NUL character (text and jsonb reject U+0000) and unpaired UTF-16 surrogates
 * (a JSON escape such as "\ud800" decodes to one; the driver would write it as "?", silently changing the data).
 * Such text in a request is the client's error: 400 naming the field, never a 500 from the database.
 */
public final class TextSafety {

    private TextSafety() {
    }

    /** The first index of a character that cannot be stored, or -1. */
    public static int firstUnstorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Throws a 400 problem naming {@code field} when {@code text} holds a character that cannot be stored. */
    public static void requireStorable(String field, CharSequence text) {
        if (text != null && firstUnstorable(text) >= 0) {
            throw ProblemException.invalidField(field, ProblemMessages.UNSTORABLE_TEXT);
        }
    }
}
