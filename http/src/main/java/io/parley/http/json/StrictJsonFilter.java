package io.parley.http.json;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.web.router.RouteAttributes;
import io.parley.http.problem.Problem;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import io.parley.http.problem.ProblemMessages;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Strict input for Parley's own request bodies (admin API, web chat, setup page: every route that binds its body
 * to a type): the body must be {@code application/json} (415 otherwise, also when the header is missing), exactly
 * one JSON document without duplicate properties (400), without text PostgreSQL cannot store (400 naming the field)
 * and without properties the type does not have (400 naming all of them with their paths). Query parameters and
 * the path are checked for unstorable text on every route.
 *
 * <p>Routes that take the raw bytes ({@code byte[]}, {@code String}) are left alone: provider webhooks verify their
 * signature on those bytes and stay lenient to the fields providers add.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class StrictJsonFilter implements Ordered {

    /** Request attribute holding the parsed body, for {@link MergePatch}. */
    static final String DOCUMENT = "parley.json.document";

    private static final List<Class<?>> RAW_BODIES = List.of(byte[].class, String.class, CharSequence.class,
            ByteBuffer.class, io.micronaut.core.io.buffer.ByteBuffer.class, Object.class);

    private final JsonMapper json;

    StrictJsonFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public int getOrder() {
        // After authentication: an anonymous caller gets 401, not a verdict on its JSON.
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    void check(HttpRequest<?> request, @Nullable @Body byte[] body) {
        TextSafety.requireStorable("path", request.getPath());
        for (Map.Entry<String, List<String>> parameter : request.getParameters()) {
            for (String value : parameter.getValue()) {
                TextSafety.requireStorable(parameter.getKey(), value);
            }
        }
        Argument<?> target = RouteAttributes.getRouteInfo(request)
                .flatMap(route -> route.getBodyArgument())
                .filter(argument -> !RAW_BODIES.contains(argument.getType()))
                .orElse(null);
        if (target == null || body == null || body.length == 0) {
            return;
        }
        requireJsonContentType(request.getHeaders().get(HttpHeaders.CONTENT_TYPE),
                request.getMethod() == io.micronaut.http.HttpMethod.PATCH);
        JsonDocument.check(body);
        JsonNode document;
        try {
            document = json.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new ProblemException(ProblemKind.MALFORMED_JSON, ProblemMessages.NOT_JSON);
        }
        List<String> unknown = UnknownProperties.of(target, document);
        if (!unknown.isEmpty()) {
            throw new ProblemException(ProblemKind.VALIDATION_FAILED, ProblemKind.VALIDATION_FAILED.status(),
                    ProblemMessages.unknownProperties(String.join(", ", unknown)),
                    unknown.stream().map(path -> new Problem.FieldError(path, ProblemMessages.UNKNOWN_PROPERTY)).toList(),
                    Map.of());
        }
        request.setAttribute(DOCUMENT, document);
    }

    /**
     * {@code application/json}, optionally with {@code charset=utf-8} (JSON is UTF-8: RFC 8259 §8.1); a PATCH may
     * also say {@code application/merge-patch+json} (RFC 7396 §4), which is what every PATCH here is.
     */
    private static void requireJsonContentType(@Nullable String header, boolean patch) {
        if (header != null) {
            String[] parts = header.split(";", -1);
            String type = parts[0].trim();
            boolean json = type.equalsIgnoreCase("application/json")
                    || patch && type.equalsIgnoreCase(MergePatch.MEDIA_TYPE);
            for (int i = 1; json && i < parts.length; i++) {
                String[] parameter = parts[i].split("=", 2);
                String name = parameter[0].trim().toLowerCase(Locale.ROOT);
                String value = parameter.length == 2 ? parameter[1].trim().replace("\"", "") : "";
                json = name.equals("charset") && value.equalsIgnoreCase("utf-8");
            }
            if (json) {
                return;
            }
        }
        throw new ProblemException(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                ProblemMessages.unsupportedContentType(header == null ? "none"
                        : header.length() > 100 ? header.substring(0, 100) + "…" : header));
    }
}
