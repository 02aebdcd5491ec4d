package io.parley.http.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/** 401 (no or bad credential) and 403 (credential without the right) as problem+json. */
@Singleton
@Produces(Problem.MEDIA_TYPE)
@Replaces(DefaultAuthorizationExceptionHandler.class)
final class AuthorizationProblemHandler implements ExceptionHandler<AuthorizationException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            ProblemKind kind = ProblemKind.FORBIDDEN;
            return HttpResponse.<Problem>status(HttpStatus.FORBIDDEN)
                    .body(new Problem(kind.type(), kind.title(), 403,
                            "Your role does not allow this action.", request.getPath(), null))
                    .contentType(Problem.MEDIA_TYPE);
        }
        ProblemKind kind = ProblemKind.UNAUTHORIZED;
        return HttpResponse.<Problem>status(HttpStatus.UNAUTHORIZED)
                .header("WWW-Authenticate", "Bearer")
                .body(new Problem(kind.type(), kind.title(), 401,
                        "Send a valid access token or API key as 'Authorization: Bearer <token>'.",
                        request.getPath(), null))
                .contentType(Problem.MEDIA_TYPE);
    }
}
