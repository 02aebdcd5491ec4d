package io.parley.api.ratelimit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.parley.api.caller.CredentialClaims;
import io.parley.core.ServerRoles;
import io.parley.http.client.ClientAddress;
import io.parley.http.problem.Problem;
import io.parley.http.problem.ProblemKind;
import io.parley.http.ratelimit.RateLimiter;

/**
 * Request rate limits on the admin API, after authentication: per API key or per user for authenticated calls,
 * per client IP otherwise. Bucket state is in PostgreSQL, so the limit holds however many api replicas run.
 */
@ServerFilter("/api/**")
@Requires(property = "parley.roles", pattern = ServerRoles.API)
final class ApiRateLimitFilter implements Ordered {

    private final RateLimiter limiter;
    private final ClientAddress clientAddress;
    private final RateLimiter.Limit perIp;
    private final RateLimiter.Limit perCredential;

    ApiRateLimitFilter(RateLimiter limiter, ClientAddress clientAddress,
                       @Value("${parley.rate-limits.api-per-ip-per-minute:600}") int perIp,
                       @Value("${parley.rate-limits.api-per-credential-per-minute:1200}") int perCredential) {
        this.limiter = limiter;
        this.clientAddress = clientAddress;
        this.perIp = RateLimiter.Limit.perMinute(perIp);
        this.perCredential = RateLimiter.Limit.perMinute(perCredential);
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<Problem> limit(HttpRequest<?> request) {
        var authentication = request.getUserPrincipal(Authentication.class);
        RateLimiter.Decision decision = authentication
                .map(auth -> limiter.tryAcquire("api-credential:" + credentialKey(auth), perCredential))
                .orElseGet(() -> limiter.tryAcquire("api-ip:" + clientAddress.of(request), perIp));
        if (decision.allowed()) {
            return null;
        }
        ProblemKind kind = ProblemKind.RATE_LIMITED;
        return HttpResponse.<Problem>status(kind.status())
                .header("Retry-After", Long.toString(decision.retryAfterSeconds()))
                .contentType(Problem.MEDIA_TYPE)
                .body(new Problem(kind.type(), kind.title(), kind.status().getCode(),
                        "Rate limit exceeded; retry in " + decision.retryAfterSeconds() + " s.", request.getPath(), null));
    }

    private static String credentialKey(Authentication authentication) {
        Object keyId = authentication.getAttributes().get(CredentialClaims.API_KEY_ID);
        return keyId != null ? "key:" + keyId : "user:" + authentication.getName();
    }

    /** After Micronaut Security has authenticated the request. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
