package io.parley.bench;

import java.nio.charset.StandardCharsets;

/**
 * Reads one string field from compact JSON without a JSON library — enough for the few values the benchmark needs
 * (ids, tokens) from Parley's own output; the driver stays dependency-free and cheap on the hot path.
 */
final class JsonField {

    private JsonField() {
    }

    static String text(byte[] body, String name) {
        return text(new String(body, StandardCharsets.UTF_8), name);
    }

    /** The string value of the first {@code "name": "…"} in {@code json}; null when absent or not a string. */
    static String text(String json, String name) {
        int key = json.indexOf("\"" + name + "\"");
        if (key < 0) {
            return null;
        }
        int colon = json.indexOf(':', key + name.length() + 2);
        int open = colon < 0 ? -1 : colon + 1;
        while (open > 0 && open < json.length() && Character.isWhitespace(json.charAt(open))) {
            open++;
        }
        if (open <= 0 || open >= json.length() || json.charAt(open) != '"') {
            return null;
        }
        int close = json.indexOf('"', open + 1);
        return close < 0 ? null : json.substring(open + 1, close);
    }
}
