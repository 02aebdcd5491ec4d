package io.parley.core.contact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A contact's tags (labels such as {@code vip} or {@code 台北}): at most {@value #MAX_TAGS} per contact, each 1–40
 * letters (any script), digits, {@code _ - : .} or spaces inside; kept as given (case matters), trimmed, without
 * duplicates. Segments match them exactly. {@code ;} and {@code ,} are excluded so a CSV cell can list several.
 */
public final class ContactTags {

    public static final int MAX_TAGS = 20;
    public static final String RULE = "1-40 letters, digits, _ - : . or inner spaces";
    private static final String EDGE = "[\\p{L}\\p{N}_:.\\-]";
    private static final Pattern TAG = Pattern.compile(EDGE + "(?:[\\p{L}\\p{N}_:. \\-]{0,38}" + EDGE + ")?");

    private ContactTags() {
    }

    /**
     * The tags, trimmed and de-duplicated in their order.
     *
     * @throws IllegalArgumentException with a message for {@code errors[].message}
     */
    public static List<String> normalize(List<String> tags) {
        Set<String> unique = new LinkedHashSet<>();
        for (String tag : tags) {
            String trimmed = tag == null ? "" : tag.strip();
            if (!TAG.matcher(trimmed).matches()) {
                throw new IllegalArgumentException("each tag must be " + RULE);
            }
            unique.add(trimmed);
        }
        if (unique.size() > MAX_TAGS) {
            throw new IllegalArgumentException("at most " + MAX_TAGS + " tags");
        }
        return List.copyOf(new ArrayList<>(unique));
    }

    public static boolean valid(String tag) {
        return tag != null && TAG.matcher(tag).matches();
    }
}
