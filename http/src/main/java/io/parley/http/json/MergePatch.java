package io.parley.http.json;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.tree.JsonNode;

/**
 * What a JSON Merge Patch (RFC 7396) body says about each member, by dotted path ({@code limits.perHour}): absent
 * keeps the value, {@code null} removes it, anything else replaces it (objects merge member by member, arrays are
 * replaced whole). Controllers bind the body to a record as usual; a record cannot tell "absent" from "null", so
 * the services ask this view. It reads the document the {@link StrictJsonFilter} already parsed.
 */
public final class MergePatch {

    /** RFC 7396 §4: the media type of a merge patch; every PATCH accepts it besides {@code application/json}. */
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private static final MergePatch EMPTY = new MergePatch(JsonNode.createObjectNode(java.util.Map.of()));

    private final JsonNode document;

    private MergePatch(JsonNode document) {
        this.document = document;
    }

    /** The request's body as a merge patch (an empty patch when the request had no JSON body). */
    public static MergePatch of(HttpRequest<?> request) {
        return request.getAttribute(StrictJsonFilter.DOCUMENT, JsonNode.class).map(MergePatch::new).orElse(EMPTY);
    }

    /** For tests and callers without a request. */
    public static MergePatch of(JsonNode document) {
        return new MergePatch(document);
    }

    /** The member is in the patch (with any value, null included). */
    public boolean has(String path) {
        return node(path) != null;
    }

    /** The member is in the patch with {@code null}: remove it. */
    public boolean removes(String path) {
        JsonNode node = node(path);
        return node != null && node.isNull();
    }

    private JsonNode node(String path) {
        JsonNode node = document;
        for (String name : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(name);
        }
        return node;
    }
}
