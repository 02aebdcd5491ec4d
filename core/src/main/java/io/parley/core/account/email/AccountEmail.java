package io.parley.core.account.email;

import java.util.Map;
import java.util.Objects;

/**
 * One email to a person about their account: which template, to whom, in which language, the secret link it carries
 * and the template's other values. The link is a credential (whoever holds it verifies, resets or joins), so it is
 * only ever stored sealed and is left out of {@link #toString()}.
 *
 * @param kind      {@code verify-email}, {@code reset-password} or {@code invitation}: the template's name
 * @param language  {@code en} or {@code zh-Hant}; anything else is English
 * @param values    the template's placeholders other than {@code {link}}
 */
public record AccountEmail(String kind, String recipient, String language, String link, Map<String, String> values) {

    public static final String VERIFY_EMAIL = "verify-email";
    public static final String RESET_PASSWORD = "reset-password";
    public static final String INVITATION = "invitation";

    public AccountEmail {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(link, "link");
        language = "zh-Hant".equals(language) ? language : "en";
        values = Map.copyOf(values);
    }

    @Override
    public String toString() {
        return "AccountEmail[" + kind + ", " + language + "]";
    }
}
