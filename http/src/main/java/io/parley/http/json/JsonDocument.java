package io.parley.http.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import io.parley.http.problem.ProblemMessages;

import java.io.IOException;

/**
 * Checks that a request body is exactly one JSON document: no duplicate property, nothing after the value, and no
 * string (value or property name) PostgreSQL cannot store. Jackson's streaming parser does the parsing (its
 * STRICT_DUPLICATE_DETECTION); what is written here is only the walk that names the offending field.
 */
final class JsonDocument {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonDocument() {
    }

    /** Throws a 400 problem naming the field when the body is not one clean JSON document. */
    static void check(byte[] body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() == null) {
                throw malformed(ProblemMessages.EMPTY_BODY);
            }
            walk(parser);
            if (parser.nextToken() != null) {
                throw malformed(ProblemMessages.TRAILING_DATA);
            }
        } catch (JsonParseException e) {
            throw malformed(describe(e));
        } catch (IOException e) {
            throw malformed(ProblemMessages.NOT_JSON);
        }
    }

    /** Walks the value at the current token to its end, checking every string on the way. */
    private static void walk(JsonParser parser) throws IOException {
        int depth = 0;
        do {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                depth++;
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                depth--;
            } else if (token == JsonToken.FIELD_NAME) {
                TextSafety.requireStorable(path(parser.getParsingContext()), parser.currentName());
            } else if (token == JsonToken.VALUE_STRING) {
                TextSafety.requireStorable(path(parser.getParsingContext()), parser.getText());
            }
        } while (depth > 0 && parser.nextToken() != null);
    }

    private static String describe(JsonParseException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Duplicate field '")) {
            String name = message.substring("Duplicate field '".length(), message.lastIndexOf('\''));
            String parent = e.getProcessor() == null ? "" : path(e.getProcessor().getParsingContext().getParent());
            return ProblemMessages.duplicateProperty(parent.isEmpty() ? name : parent + "." + name);
        }
        // Jackson's own message may quote the body; the client gets a generic one.
        return ProblemMessages.NOT_JSON;
    }

    /** A JSON-path-like name of where the parser is: {@code limits.tiers.premium.perHour}, {@code steps[2].text}. */
    static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                path.insert(0, (c.getParent() != null && !c.getParent().inRoot() ? "." : "") + c.getCurrentName());
            }
        }
        String text = path.toString();
        return text.startsWith(".") ? text.substring(1) : text;
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(ProblemKind.MALFORMED_JSON, detail);
    }
}
