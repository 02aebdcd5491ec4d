package io.parley.http.language;

import java.util.List;
import java.util.Locale;

/**
 * The languages problem details are written in, and the choice among them from a request's
 * {@code Accept-Language} (RFC 9110 §12.5.4): ranges are tried by q-value, highest first (the JDK's RFC 4647
 * parser sorts them); the first one Parley speaks wins; nothing spoken, no header or a malformed one → English.
 * Any Traditional Chinese range (zh-Hant…, zh-TW, zh-HK, zh-MO) and a bare {@code zh} mean zh-Hant; Simplified
 * ranges (zh-Hans…, zh-CN, zh-SG, zh-MY) are not spoken, so they fall through to the next range.
 * <p>
 * Micronaut's {@code RequestLocaleResolver} was not used: it takes the header's first range whatever its q-value
 * and does not match it against the languages on offer.
 */
public enum ProblemLanguage {
    ENGLISH("en"),
    TRADITIONAL_CHINESE("zh-Hant");

    private static final List<String> SIMPLIFIED_REGIONS = List.of("cn", "sg", "my");
    private static final List<String> TRADITIONAL_REGIONS = List.of("tw", "hk", "mo");

    private final String tag;

    ProblemLanguage(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag, as sent in {@code Content-Language}. */
    public String tag() {
        return tag;
    }

    public static ProblemLanguage negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            ProblemLanguage spoken = spoken(range.getRange().toLowerCase(Locale.ROOT));
            if (spoken != null) {
                return spoken;
            }
        }
        return ENGLISH;
    }

    private static ProblemLanguage spoken(String range) {
        List<String> subtags = List.of(range.split("-"));
        return switch (subtags.getFirst()) {
            case "*", "en" -> ENGLISH;
            case "zh" -> traditional(subtags) ? TRADITIONAL_CHINESE : null;
            default -> null;
        };
    }

    private static boolean traditional(List<String> subtags) {
        if (subtags.contains("hant") || subtags.stream().anyMatch(TRADITIONAL_REGIONS::contains)) {
            return true;
        }
        return !subtags.contains("hans") && subtags.stream().noneMatch(SIMPLIFIED_REGIONS::contains);
    }
}
