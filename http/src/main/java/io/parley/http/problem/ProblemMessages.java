package io.parley.http.problem;

/**
 * The English texts of the problems about request input, the database outage and the 500 (kept in one place so
 * that problem localization, issue 9 item 6, can translate them). Field messages ({@code CANNOT_REMOVE} …) go into
 * {@code errors[].message}; the detail of a single field error is {@code "<field>: <message>"}.
 */
public final class ProblemMessages {

    public static final String EMPTY_BODY = "The request body is empty; send one JSON document.";
    public static final String NOT_JSON = "The request body is not valid JSON.";
    public static final String TRAILING_DATA = "The request body must be exactly one JSON document; there is more "
            + "after it.";
    /** Template: %s is the property's path. */
    public static final String DUPLICATE_PROPERTY = "The property '%s' appears more than once.";
    public static final String UNSTORABLE_TEXT = "must not contain NUL (\\u0000) or unpaired surrogate characters";
    public static final String UNKNOWN_PROPERTY = "unknown property";
    /** Template: %s lists the unknown properties' paths. */
    public static final String UNKNOWN_PROPERTIES = "Unknown properties: %s. Check the spelling against the API "
            + "reference; unknown properties are rejected, not ignored.";
    /** Template: %s is the received Content-Type, or "none". */
    public static final String UNSUPPORTED_CONTENT_TYPE = "Send the body as JSON with 'Content-Type: "
            + "application/json' (received: %s).";
    public static final String CANNOT_REMOVE = "cannot be removed (null); send a value";

    public static final String PASSWORD_TOO_LONG = "must be at most 72 bytes in UTF-8 (72 ASCII or 24 CJK characters)";
    public static final String UNAVAILABLE = "The service is temporarily unavailable; retry later.";
    public static final String INTERNAL_ERROR = "An unexpected error occurred.";

    private ProblemMessages() {
    }

    public static String duplicateProperty(String path) {
        return DUPLICATE_PROPERTY.formatted(path);
    }

    public static String unknownProperties(String paths) {
        return UNKNOWN_PROPERTIES.formatted(paths);
    }

    public static String unsupportedContentType(String received) {
        return UNSUPPORTED_CONTENT_TYPE.formatted(received);
    }
}
