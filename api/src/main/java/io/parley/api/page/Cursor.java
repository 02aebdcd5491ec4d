package io.parley.api.page;

import io.parley.core.tenancy.Ids;
import io.parley.http.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque pagination cursors. Today a cursor wraps the last row's id (UUIDv7, so id order is creation order);
 * clients must not rely on that, which leaves room to change what it holds.
 */
public final class Cursor {

    /** The OpenAPI parameters of list operations (api/src/main/openapi/components.yml, with these bounds). */
    public static final String LIMIT = "#/components/parameters/limit";
    public static final String CURSOR = "#/components/parameters/cursor";
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    /** Sorts after every UUID: the start of a newest-first list. */
    public static final UUID NEWEST = new UUID(-1L, -1L);
    /** Sorts before every UUID: the start of an oldest-first list. */
    public static final UUID OLDEST = new UUID(0L, 0L);

    private Cursor() {
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The row id a cursor points after, or {@code start} when there is no cursor; 400 for a forged one. */
    public static UUID after(String cursor, UUID start) {
        if (cursor == null || cursor.isBlank()) {
            return start;
        }
        return Ids.parse(decode(cursor)).orElseThrow(Cursor::invalid);
    }

    /** The same for lists keyed by text (canned replies by shortcut). */
    public static String afterText(String cursor, String start) {
        return cursor == null || cursor.isBlank() ? start : decode(cursor);
    }

    /** The same for lists keyed by a number (job ids). */
    public static long afterNumber(String cursor, long start) {
        if (cursor == null || cursor.isBlank()) {
            return start;
        }
        try {
            return Long.parseLong(decode(cursor));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static String decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("v1:")) {
                return text.substring(3);
            }
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        throw invalid();
    }

    /** The page size: default 50, at most 200. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    private static ProblemException invalid() {
        return ProblemException.invalidField("cursor", "is not a cursor this API returned");
    }
}
