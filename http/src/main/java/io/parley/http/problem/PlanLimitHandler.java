package io.parley.http.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.parley.core.plan.PlanLimitReachedException;
import jakarta.inject.Singleton;

import java.util.List;

/** 402 naming the plan limit that was reached (the field lists e.g. "plan.maxBots"). */
@Singleton
@Produces(Problem.MEDIA_TYPE)
final class PlanLimitHandler implements ExceptionHandler<PlanLimitReachedException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, PlanLimitReachedException exception) {
        ProblemKind kind = ProblemKind.PLAN_LIMIT_REACHED;
        Problem problem = new Problem(kind.type(), kind.title(), 402, exception.getMessage(), request.getPath(),
                List.of(new Problem.FieldError("plan." + exception.limit().field(),
                        "limit of " + exception.max() + " on the " + exception.plan().name() + " plan reached")));
        return HttpResponse.<Problem>status(HttpStatus.PAYMENT_REQUIRED).body(problem).contentType(Problem.MEDIA_TYPE);
    }
}
