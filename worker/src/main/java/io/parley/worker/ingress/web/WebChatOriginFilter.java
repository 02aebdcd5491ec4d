package io.parley.worker.ingress.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;
import io.micronaut.http.server.cors.CorsFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.parley.core.ServerRoles;
import io.parley.core.channel.WebChannelSettings;
import io.parley.http.problem.Problem;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import io.parley.worker.ingress.IngressChannels;

/**
 * A web chat channel's allowed origins, on every widget request including CORS preflights: it runs before
 * Micronaut's CORS filter (both pre-matching: preflights are answered before routing), so a site that is not listed gets 403 and no CORS headers at all. With no origins listed
 * any site may use the widget (as before). Parley's own origin (the hosted page, {@code parley.public-url}) is always
 * allowed; a request without {@code Origin} is allowed only when the browser says it is same-origin
 * ({@code Sec-Fetch-Site}: an EventSource of the hosted page sends no Origin). Origins only keep other sites' pages
 * out; a server can send any header, which is what identity verification is for.
 */
@ServerFilter("/chat/**")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class WebChatOriginFilter implements Ordered {

    private final IngressChannels channels;
    private final String ownOrigin;

    WebChatOriginFilter(IngressChannels channels, @Value("${parley.public-url}") String publicUrl) {
        this.channels = channels;
        this.ownOrigin = WebChannelSettings.normalizedOrigin(publicUrl.replaceAll("/+$", "")).orElse("");
    }

    @PreMatching
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<Problem> check(HttpRequest<?> request) {
        String[] parts = request.getPath().split("/");
        if (parts.length < 3) {
            return null;
        }
        WebChannelSettings settings;
        try {
            settings = channels.resolveWebWidget(parts[2]).settings();
        } catch (ProblemException unknownWidget) {
            return null; // the route answers 404
        }
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (settings.allowedOrigins().isEmpty() || allowed(settings, origin, request)) {
            return null;
        }
        ProblemKind kind = ProblemKind.FORBIDDEN;
        String detail = origin == null ? "This chat widget may be used only from the sites its owner listed; the "
                + "request has no Origin." : "This chat widget may not be used from " + origin + ".";
        return HttpResponse.<Problem>status(kind.status()).contentType(Problem.MEDIA_TYPE)
                .body(new Problem(kind.type(), kind.title(), kind.status().getCode(), detail, request.getPath(), null));
    }

    private boolean allowed(WebChannelSettings settings, @Nullable String origin, HttpRequest<?> request) {
        if (origin == null) {
            return "same-origin".equals(request.getHeaders().get("Sec-Fetch-Site"));
        }
        return settings.allows(origin) || WebChannelSettings.normalizedOrigin(origin).map(ownOrigin::equals)
                .orElse(false);
    }

    /** Before the CORS filter answers a preflight. */
    @Override
    public int getOrder() {
        return CorsFilter.CORS_FILTER_ORDER - 1;
    }
}
