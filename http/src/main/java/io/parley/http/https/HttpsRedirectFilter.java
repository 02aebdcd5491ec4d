package io.parley.http.https;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;

import java.net.URI;
import java.util.Locale;

/**
 * Sends browsers to HTTPS when the proxy in front says the request came over plain HTTP ({@code X-Forwarded-Proto:
 * http}), if {@code parley.http.redirect-to-https} is on (off by default; docs/configuration.md). GET and HEAD get a
 * 301; other methods a 308, which keeps the method and body (RFC 9110 §15.4.9) where a 301 lets clients turn a POST
 * into a GET.
 *
 * <p>Not redirected: provider webhooks ({@code /webhooks/**}: LINE, WhatsApp, Telegram and Stripe do not follow
 * redirects, so the event would be lost — their URLs are https anyway when the public URL is), and the machine
 * endpoints {@code /health/**} and {@code /metrics}, which load balancers and scrapers call over the internal network.
 * The target host is the public URL's when it is https (a forged {@code Host} cannot send anyone elsewhere), else the
 * request's {@code Host}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "parley.http.redirect-to-https", value = "true")
final class HttpsRedirectFilter implements Ordered {

    private final @Nullable String publicAuthority;

    HttpsRedirectFilter(@Value("${parley.public-url:}") String publicUrl) {
        this.publicAuthority = httpsAuthority(publicUrl);
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> redirect(HttpRequest<?> request) {
        if (!cameOverHttp(request.getHeaders().get("X-Forwarded-Proto")) || exempt(request.getPath())) {
            return null;
        }
        String authority = publicAuthority != null ? publicAuthority : request.getHeaders().get("Host");
        if (authority == null || authority.isBlank()) {
            return null;
        }
        String query = request.getUri().getRawQuery();
        URI target = URI.create("https://" + authority + request.getUri().getRawPath()
                + (query == null || query.isEmpty() ? "" : "?" + query));
        boolean safe = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        return HttpResponse.status(safe ? HttpStatus.MOVED_PERMANENTLY : HttpStatus.PERMANENT_REDIRECT)
                .headers(headers -> headers.location(target));
    }

    /** The original client's protocol is the first value (each proxy appends its own). */
    static boolean cameOverHttp(@Nullable String forwardedProto) {
        if (forwardedProto == null) {
            return false;
        }
        String first = forwardedProto.split(",", 2)[0].strip().toLowerCase(Locale.ROOT);
        return first.equals("http");
    }

    static boolean exempt(String path) {
        return path.startsWith("/webhooks/") || path.equals("/health") || path.startsWith("/health/")
                || path.equals("/metrics");
    }

    private static @Nullable String httpsAuthority(String publicUrl) {
        try {
            URI uri = URI.create(publicUrl.trim());
            return "https".equalsIgnoreCase(uri.getScheme()) ? uri.getRawAuthority() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Before authentication, so a plain-HTTP request is redirected rather than asked for credentials. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
