package io.parley.http.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Renders {@link ProblemException}s thrown by application code. */
@Singleton
@Produces(Problem.MEDIA_TYPE)
final class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        Problem problem = new Problem(exception.kind().type(), exception.kind().title(), exception.status().getCode(),
                exception.getMessage(), request.getPath(), exception.errors().isEmpty() ? null : exception.errors());
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(exception.status()).body(problem)
                .contentType(Problem.MEDIA_TYPE);
        exception.headers().forEach(response::header);
        return response;
    }
}
