package io.parley.worker.ingress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import jakarta.inject.Singleton;

import java.io.IOException;

/** Parses a verified webhook body into the provider's payload record; anything unparsable is 400, never 500. */
@Singleton
public final class WebhookBodies {

    private final JsonMapper json;

    WebhookBodies(JsonMapper json) {
        this.json = json;
    }

    /** {@code what} names the expected document in the 400 detail, e.g. "LINE webhook". */
    public <T> T parse(@Nullable byte[] body, Class<T> type, String what) {
        T value;
        try {
            value = body == null || body.length == 0 ? null : json.readValue(body, Argument.of(type));
        } catch (IOException | RuntimeException e) {
            // The parser's message may quote the body; the client gets only what was expected.
            value = null;
        }
        if (value == null) {
            throw new ProblemException(ProblemKind.MALFORMED_JSON, "The body is not a " + what + " JSON document.");
        }
        return value;
    }

    /** For mappers: a payload that parsed but lacks what every such payload has (e.g. LINE webhookEventId). */
    public static ProblemException missing(String field, String what) {
        return new ProblemException(ProblemKind.MALFORMED_JSON, "The " + what + " has no " + field + ".");
    }
}
