package io.parley.api.admin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.parley.api.caller.CredentialClaims;
import io.parley.core.ServerRoles;
import io.parley.http.problem.Problem;
import io.parley.http.problem.ProblemKind;

import java.util.Set;

/**
 * A platform admin's impersonation token reads, never writes: every request it carries other than GET, HEAD and
 * OPTIONS answers 403 here, before any controller runs — so no operation, present or future, can forget the rule.
 */
@ServerFilter("/api/**")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
final class ReadOnlyImpersonationFilter implements Ordered {

    static final String READ_ONLY = "This is a read-only operator view of the tenant; it cannot change anything.";
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @RequestFilter
    @Nullable
    HttpResponse<Problem> refuseWrites(HttpRequest<?> request) {
        if (READS.contains(request.getMethod())) {
            return null;
        }
        boolean impersonating = request.getUserPrincipal(Authentication.class)
                .map(auth -> auth.getAttributes().containsKey(CredentialClaims.IMPERSONATION)).orElse(false);
        if (!impersonating) {
            return null;
        }
        ProblemKind kind = ProblemKind.FORBIDDEN;
        return HttpResponse.<Problem>status(kind.status()).contentType(Problem.MEDIA_TYPE)
                .body(new Problem(kind.type(), kind.title(), kind.status().getCode(), READ_ONLY, request.getPath(),
                        null));
    }

    /** After Micronaut Security has authenticated the request. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
