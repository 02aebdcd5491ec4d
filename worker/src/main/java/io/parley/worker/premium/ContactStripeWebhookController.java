package io.parley.worker.premium;

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
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.parley.core.ServerRoles;
import io.parley.core.premium.ContactStripeAccounts;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import io.parley.worker.billing.StripeEventRoute;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The webhook of a tenant's own Stripe account (HOUSE-STYLE 4), {@code POST /webhooks/stripe/{tenantId}}: the
 * tenant in the path names the webhook secret, {@code Stripe-Signature} is verified on the raw body with it (300 s
 * tolerance, as Parley's own webhook), the event is stored by (tenant, event id) and its job enqueued in one
 * transaction ({@link ContactStripeEventStore}), and the answer is 200. An unknown tenant, a tenant with no Stripe
 * account connected, or a wrong signature — including one made with another tenant's secret — is a 400 problem and
 * nothing is stored.
 */
@Controller("/webhooks/stripe/{tenantId}")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class ContactStripeWebhookController {

    static final String SIGNATURE = "Stripe-Signature";
    static final long TOLERANCE_SECONDS = 300;

    private final TenantScope scope;
    private final ContactStripeAccounts accounts;
    private final ContactStripeEventStore store;
    private final JsonMapper json;

    ContactStripeWebhookController(TenantScope scope, ContactStripeAccounts accounts, ContactStripeEventStore store,
                                   JsonMapper json) {
        this.scope = scope;
        this.accounts = accounts;
        this.store = store;
        this.json = json;
    }

    @Post
    HttpResponse<?> receive(@PathVariable String tenantId, @Nullable @Header(SIGNATURE) String signature,
                            @Nullable @Body byte[] body) {
        TenantId tenant = Ids.parse(tenantId).map(TenantId::new).orElseThrow(
                () -> rejected("No Stripe account is connected for this address; nothing was stored."));
        Optional<String> secret = scope.read(tenant, () -> accounts.open(tenant)
                .map(ContactStripeAccounts.Opened::webhookSecret));
        if (secret.isEmpty()) {
            throw rejected("No Stripe account is connected for this address; nothing was stored.");
        }
        Event event;
        try {
            event = Webhook.constructEvent(body == null ? "" : new String(body, StandardCharsets.UTF_8),
                    signature == null ? "" : signature, secret.get(), TOLERANCE_SECONDS);
        } catch (SignatureVerificationException e) {
            throw rejected(SIGNATURE + " is missing, does not match this tenant's webhook secret or is older than "
                    + "300 s; the event was not processed.");
        } catch (RuntimeException e) { // gson's JsonSyntaxException: signed, but not JSON
            throw rejected("The body is not a Stripe event.");
        }
        if (event.getId() == null || event.getType() == null) {
            throw rejected("The body is not a Stripe event.");
        }
        try {
            Optional<StripeEventRoute> route = StripeEventRoute.of(event, json);
            if (route.isPresent()) {
                store.store(tenant, route.get(), ContactStripeEventStore.contactHint(event, json));
            }
        } catch (IOException e) {
            throw rejected("The event's data.object is not JSON.");
        }
        return HttpResponse.ok();
    }

    private static ProblemException rejected(String detail) {
        return new ProblemException(ProblemKind.INVALID_SIGNATURE, HttpStatus.BAD_REQUEST, detail, List.of(), Map.of());
    }
}
