package io.parley.worker.billing;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.parley.core.ServerRoles;
import io.parley.core.billing.BillingNotConfiguredException;
import io.parley.core.billing.StripeSettings;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Stripe's webhook for Parley's own account (HOUSE-STYLE 4): verify {@code Stripe-Signature} on the raw body, store
 * the event and enqueue its job in one transaction ({@link StripeEventStore}), answer 200. A wrong or missing
 * signature, or a timestamp older than 300 s (Stripe's own tolerance, README §4.3; Stripe signs each delivery
 * anew), is a 400 problem and nothing is stored.
 */
@Controller("/webhooks/stripe")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class StripeWebhookController {

    static final String SIGNATURE = "Stripe-Signature";
    static final long TOLERANCE_SECONDS = 300;

    private final StripeSettings settings;
    private final StripeEventStore store;
    private final JsonMapper json;

    StripeWebhookController(StripeSettings settings, StripeEventStore store, JsonMapper json) {
        this.settings = settings;
        this.store = store;
        this.json = json;
    }

    @Post
    HttpResponse<?> receive(@Nullable @Header(SIGNATURE) String signature, @Nullable @Body byte[] body) {
        if (!settings.webhookConfigured()) {
            throw new BillingNotConfiguredException();
        }
        Event event;
        try {
            event = Webhook.constructEvent(body == null ? "" : new String(body, StandardCharsets.UTF_8),
                    signature == null ? "" : signature, settings.webhookSecret(), TOLERANCE_SECONDS);
        } catch (SignatureVerificationException e) {
            throw rejected(SIGNATURE + " is missing, does not match the webhook secret or is older than 300 s; the "
                    + "event was not processed.");
        } catch (RuntimeException e) { // gson's JsonSyntaxException: signed, but not JSON
            throw rejected("The body is not a Stripe event.");
        }
        if (event.getId() == null || event.getType() == null) {
            throw rejected("The body is not a Stripe event.");
        }
        try {
            StripeEventRoute.of(event, json).ifPresent(store::store);
        } catch (IOException e) {
            throw rejected("The event's data.object is not JSON.");
        }
        return HttpResponse.ok();
    }

    private static ProblemException rejected(String detail) {
        return new ProblemException(ProblemKind.INVALID_SIGNATURE, HttpStatus.BAD_REQUEST, detail, List.of(), Map.of());
    }
}
