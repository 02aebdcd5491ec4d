package io.parley.http.headers;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Security headers on every response (OWASP Secure Headers Project recommendations). JSON responses get a CSP that
 * allows nothing; HTML pages get one that allows only same-origin resources. HSTS is sent when the request came
 * over TLS, directly or through a proxy that says so (browsers ignore HSTS over plain HTTP anyway).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter implements Ordered {

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    static final String PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: https:; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'; object-src 'none'";
    /** Swagger UI's generated page initialises itself with an inline script. */
    static final String DOCS_CSP = PAGE_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        HttpHeaders headers = response.getHeaders();
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "strict-origin-when-cross-origin");
        response.header("Cross-Origin-Opener-Policy", "same-origin");
        response.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        if (!headers.contains("X-Frame-Options")) {
            response.header("X-Frame-Options", "DENY");
        }
        if (!headers.contains("Content-Security-Policy")) {
            response.header("Content-Security-Policy", cspFor(request.getPath()));
        }
        if (request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"))) {
            response.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    /** Outermost, so responses produced by later filters (e.g. a security rejection) get the headers too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    /**
     * By path, because response filters run before the body's content type is known: machine endpoints get a CSP
     * that allows nothing, the API documentation pages one with inline script, every other page same-origin only.
     */
    static String cspFor(String path) {
        if (path.startsWith("/swagger-ui") || path.startsWith("/openapi-explorer")) {
            return DOCS_CSP;
        }
        boolean machine = path.startsWith("/api/") || path.startsWith("/webhooks/") || path.startsWith("/health")
                || path.startsWith("/openapi/");
        return machine ? API_CSP : PAGE_CSP;
    }
}
