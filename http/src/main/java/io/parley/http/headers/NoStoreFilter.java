package io.parley.http.headers;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * {@code Cache-Control: no-store} on every response that carries a credential or data behind one, so that no
 * browser, proxy or shared cache keeps a copy (OWASP REST Security Cheat Sheet, "Security headers"; RFC 9111 §5.2.2.5):
 * the whole admin API (token-issuing auth endpoints, every authenticated JSON answer, its errors, the public setup
 * API whose path holds a bearer token), the web chat endpoints (a session id is their credential), the setup page
 * (a bearer URL) and any request that sent {@code Authorization}. Static files and the dashboard's page shell keep
 * their own caching.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class NoStoreFilter implements Ordered {

    static final String NO_STORE = "no-store";

    @ResponseFilter
    void noStore(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (isPrivate(request)) {
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, NO_STORE);
        }
    }

    /** Outermost, like the security headers, so rejections by the security filter get it too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    static boolean isPrivate(HttpRequest<?> request) {
        String path = request.getPath();
        return path.startsWith("/api/") || path.startsWith("/chat/") || path.startsWith("/setup/")
                || request.getHeaders().contains(HttpHeaders.AUTHORIZATION);
    }
}
