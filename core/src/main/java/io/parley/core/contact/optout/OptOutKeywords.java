package io.parley.core.contact.optout;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Opt-out keywords: an inbound text that <em>is</em> one of the tenant's keywords (ignoring case, surrounding
 * spaces and punctuation, and full-width forms, so "stop", " STOP! " and "ＳＴＯＰ" all match) puts its sender's
 * identity on the suppression list. A text that merely contains a keyword ("don't stop") does not: carriers' STOP
 * handling works the same way, and a contact chatting normally must not be unsubscribed by accident.
 */
@Singleton
public final class OptOutKeywords {

    public static final int MAX_KEYWORDS = 20;
    public static final int MAX_KEYWORD_CHARS = 40;

    private final OptOutRepository optOuts;
    private final OptOutSettings settings;
    private final JsonMapper json;

    OptOutKeywords(OptOutRepository optOuts, OptOutSettings settings, JsonMapper json) {
        this.optOuts = optOuts;
        this.settings = settings;
        this.json = json;
    }

    /** The tenant's keywords, or the defaults. Inside the tenant's scope. */
    public List<String> of(TenantId tenant) {
        return custom(tenant).orElse(settings.defaultKeywords());
    }

    /** The tenant's own keywords, if it set them. Inside the tenant's scope. */
    public Optional<List<String>> custom(TenantId tenant) {
        return optOuts.keywords(tenant.value()).map(this::parse);
    }

    /** The keyword {@code text} is, if it is one of {@code keywords}. */
    public static Optional<String> match(String text, List<String> keywords) {
        if (text == null || text.length() > MAX_KEYWORD_CHARS * 2) {
            return Optional.empty();
        }
        String folded = fold(text);
        return keywords.stream().filter(keyword -> !fold(keyword).isEmpty() && fold(keyword).equals(folded))
                .findFirst();
    }

    /** NFKC (full-width to ASCII), lower case, without surrounding spaces and punctuation. */
    static String fold(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return normalized.replaceAll("^[\\p{Z}\\s\\p{P}]+|[\\p{Z}\\s\\p{P}]+$", "");
    }

    private List<String> parse(String array) {
        try {
            return json.readValue(array, Argument.listOf(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
