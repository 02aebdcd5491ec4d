package io.parley.core.contact;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A contact's attributes: a flat JSON object whose values are strings, numbers, booleans or lists of them, so each
 * renders as {@code {{contact.attributes.<key>}}} in a persona. Changes are JSON merge patches (RFC 7396): a key
 * with null is removed, any other value replaces the key's value (a list is replaced whole).
 *
 * <p>Limits keep one contact's profile small enough to go into every LLM prompt: at most 50 keys named
 * [A-Za-z0-9_-]{1,64}, strings of at most 1000 characters, 16 KB of JSON in all. The API and the message
 * pipeline (flows that set an attribute) both change attributes through here, so the limits hold for both.
 */
@Singleton
public final class ContactAttributes {

    public static final int MAX_KEYS = 50;
    public static final int MAX_STRING_CHARS = 1000;
    public static final int MAX_JSON_BYTES = 16 * 1024;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String FIELD = "attributes";

    private final JsonMapper json;

    ContactAttributes(JsonMapper json) {
        this.json = json;
    }

    /**
     * Applies {@code patch} to the stored attributes and returns the merged JSON text.
     *
     * @throws InvalidAttributesException naming the offending field ("attributes" or "attributes.<key>")
     */
    public String merge(String currentJson, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidAttributesException(FIELD, "must be a JSON object of attributes");
        }
        Map<String, JsonNode> merged = new LinkedHashMap<>();
        readTree(currentJson).entries().forEach(entry -> merged.put(entry.getKey(), entry.getValue()));
        for (Map.Entry<String, JsonNode> entry : patch.entries()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (value == null || value.isNull()) {
                merged.remove(key); // removing a key that never existed is not an error (RFC 7396)
                continue;
            }
            if (!KEY.matcher(key).matches()) {
                throw new InvalidAttributesException(FIELD, "key '" + abbreviate(key)
                        + "' must be 1-64 characters of A-Z, a-z, 0-9, _ or -");
            }
            requireAllowedValue(FIELD + "." + key, value);
            merged.put(key, value);
        }
        if (merged.size() > MAX_KEYS) {
            throw new InvalidAttributesException(FIELD, "at most " + MAX_KEYS + " keys (this change makes "
                    + merged.size() + "); remove some with null");
        }
        String text = write(JsonNode.createObjectNode(merged));
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_JSON_BYTES) {
            throw new InvalidAttributesException(FIELD, "at most " + MAX_JSON_BYTES + " bytes of JSON in all (this "
                    + "change makes " + bytes + ")");
        }
        return text;
    }

    /** The stored attributes as plain values for a response. */
    public Map<String, Object> read(String storedJson) {
        try {
            Map<String, Object> values = json.readValue(storedJson, Argument.mapOf(String.class, Object.class));
            return values == null ? Map.of() : values;
        } catch (IOException e) {
            throw new UncheckedIOException("Stored JSON is unreadable", e);
        }
    }

    /** A contact's stored tags ({@code contacts.tags} read as a JSON array) as a list; none when missing. */
    public List<String> readTags(String storedJson) {
        try {
            List<String> tags = storedJson == null || storedJson.isBlank() ? null : json.readValue(storedJson, Argument.listOf(String.class));
            return tags == null ? List.of() : tags;
        } catch (IOException e) {
            throw new UncheckedIOException("Stored JSON is unreadable", e);
        }
    }

    /** The keys a patch sets or removes, sorted: audit entries name them, never their values. */
    public static List<String> keys(JsonNode patch) {
        TreeSet<String> keys = new TreeSet<>();
        if (patch != null && patch.isObject()) {
            patch.entries().forEach(entry -> keys.add(entry.getKey()));
        }
        return List.copyOf(keys);
    }

    private static void requireAllowedValue(String field, JsonNode value) {
        if (value.isArray()) {
            for (JsonNode element : value.values()) {
                if (element == null || element.isNull() || element.isArray() || element.isObject()) {
                    throw new InvalidAttributesException(field, "a list may hold only strings, numbers and booleans");
                }
                requireShortString(field, element);
            }
            return;
        }
        if (value.isObject()) {
            throw new InvalidAttributesException(field, "must be a string, number, boolean or a list of them, "
                    + "not an object");
        }
        requireShortString(field, value);
    }

    private static void requireShortString(String field, JsonNode value) {
        if (value.isString()) {
            String text = value.getStringValue();
            if (text.codePointCount(0, text.length()) > MAX_STRING_CHARS) {
                throw new InvalidAttributesException(field, "text must be at most " + MAX_STRING_CHARS + " characters");
            }
        }
    }

    private JsonNode readTree(String storedJson) {
        try {
            JsonNode node = json.readValue(storedJson == null ? "{}" : storedJson, JsonNode.class);
            return node == null || !node.isObject() ? JsonNode.createObjectNode(Map.of()) : node;
        } catch (IOException e) {
            throw new UncheckedIOException("Stored JSON is unreadable", e);
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys come from clients: echo a bounded prefix only. */
    private static String abbreviate(String key) {
        return key.length() <= 70 ? key : key.substring(0, 70) + "…";
    }
}
