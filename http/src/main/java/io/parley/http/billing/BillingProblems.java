package io.parley.http.billing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.parley.core.billing.BillingNotConfiguredException;
import io.parley.core.billing.StripeUnavailableException;
import io.parley.http.problem.Problem;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Billing's two problems (docs/api/problems.md): 503 {@code billing-not-configured} when Parley has no
 * STRIPE_API_KEY (or, for the webhook, no STRIPE_WEBHOOK_SECRET), and 502 {@code stripe-unavailable} when Stripe
 * cannot be reached or refuses a call. Neither quotes Stripe's own text.
 */
final class BillingProblems {

    static final String NOT_CONFIGURED = Problem.TYPE_BASE + "billing-not-configured";
    static final String STRIPE_UNAVAILABLE = Problem.TYPE_BASE + "stripe-unavailable";

    private BillingProblems() {
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = BillingNotConfiguredException.class)
    static final class NotConfigured implements ExceptionHandler<BillingNotConfiguredException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, BillingNotConfiguredException exception) {
            return problem(request, HttpStatus.SERVICE_UNAVAILABLE, NOT_CONFIGURED, "Billing not configured",
                    exception.getMessage());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = StripeUnavailableException.class)
    static final class Unavailable implements ExceptionHandler<StripeUnavailableException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, StripeUnavailableException exception) {
            return problem(request, HttpStatus.BAD_GATEWAY, STRIPE_UNAVAILABLE, "Stripe unavailable",
                    exception.getMessage() + "; try again in a moment.");
        }
    }

    private static HttpResponse<Problem> problem(HttpRequest<?> request, HttpStatus status, String type, String title,
                                                 String detail) {
        Problem problem = new Problem(type, title, status.getCode(), detail, request.getPath(), List.of());
        return HttpResponse.<Problem>status(status).body(problem).contentType(Problem.MEDIA_TYPE);
    }
}
