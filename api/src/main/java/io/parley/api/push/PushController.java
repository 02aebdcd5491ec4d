package io.parley.api.push;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.Caller;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.webpush.PushSubscriptions;
import io.parley.core.webpush.WebPush;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.UUID;

/**
 * Web Push for the signed-in member (docs/notifications.md#web-push): the VAPID public key a browser subscribes
 * with, and the member's own subscriptions in the active workspace. A subscription is the member's, per workspace:
 * another member's or workspace's ids are 404. API keys have no browser: 403.
 */
@Controller("/api/v1/push")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Web Push", description = "Notifications on a member's devices: the VAPID public key and the "
        + "member's browser subscriptions")
@ProblemResponses.Authenticated
class PushController {

    static final String OFF = "Web Push is turned off on this server.";

    private final WebPush webPush;
    private final PushSubscriptions subscriptions;
    private final TenantScope scope;
    private final CallerResolver callers;

    PushController(WebPush webPush, PushSubscriptions subscriptions, TenantScope scope, CallerResolver callers) {
        this.webPush = webPush;
        this.subscriptions = subscriptions;
        this.scope = scope;
        this.callers = callers;
    }

    @Get("/public-key")
    @ProblemResponses.NotFound
    @Operation(operationId = "getPushPublicKey", summary = "The VAPID public key to subscribe a browser with",
            description = "Pass it as applicationServerKey to PushManager.subscribe. 404 when Web Push is off.")
    PushWire.PublicKeyResponse publicKey(Authentication authentication, HttpRequest<?> request) {
        Caller caller = callers.resolve(authentication, request);
        caller.requireTenant(Role.VIEWER);
        caller.requireUser();
        return new PushWire.PublicKeyResponse(webPush.publicKey().orElseThrow(PushController::off));
    }

    @Get("/subscriptions")
    @Operation(operationId = "listPushSubscriptions", summary = "Your browsers subscribed in this workspace",
            description = "Newest first; at most 100.")
    PushWire.SubscriptionList list(Authentication authentication, HttpRequest<?> request) {
        Caller caller = callers.resolve(authentication, request);
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        UUID member = caller.requireUser().value();
        return new PushWire.SubscriptionList(scope.read(tenant, () -> subscriptions.list(tenant, member)).stream()
                .map(PushWire.SubscriptionResponse::of).toList());
    }

    @Post("/subscriptions")
    @ProblemResponses.BadRequest
    @ProblemResponses.NotFound
    @Operation(operationId = "createPushSubscription", summary = "Subscribe this browser to your notifications",
            description = "The endpoint and keys of the browser's PushSubscription. 201 for a new endpoint; 200 when "
                    + "the endpoint is known (its keys and owner are updated: a browser gets the pushes of the "
                    + "member who subscribed it last). 404 when Web Push is off.",
            responses = {
                @ApiResponse(responseCode = "201", description = "A new subscription", content = @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = PushWire.SubscriptionResponse.class))),
                @ApiResponse(responseCode = "200", description = "The endpoint was known: its keys and owner updated",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                schema = @Schema(implementation = PushWire.SubscriptionResponse.class)))})
    HttpResponse<PushWire.SubscriptionResponse> create(@Body @Valid PushWire.SubscriptionCreate body,
                                                       Authentication authentication, HttpRequest<?> request) {
        Caller caller = callers.resolve(authentication, request);
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        UUID member = caller.requireUser().value();
        if (!webPush.enabled()) {
            throw off();
        }
        PushSubscriptions.problem(body.endpoint(), body.keys().p256dh(), body.keys().auth()).ifPresent(invalid -> {
            throw ProblemException.invalidField(invalid.field(), invalid.message());
        });
        PushSubscriptions.Saved saved = scope.write(tenant, () -> subscriptions.save(tenant, member, body.endpoint(),
                body.keys().p256dh(), body.keys().auth()));
        return HttpResponse.<PushWire.SubscriptionResponse>status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(PushWire.SubscriptionResponse.of(saved.subscription()));
    }

    @Delete("/subscriptions/{subscriptionId}")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @Operation(operationId = "deletePushSubscription", summary = "Unsubscribe one of your browsers",
            description = "204; 404 for another member's or workspace's subscription.")
    void delete(@PathVariable String subscriptionId, Authentication authentication, HttpRequest<?> request) {
        Caller caller = callers.resolve(authentication, request);
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        UUID member = caller.requireUser().value();
        UUID id = Ids.parse(subscriptionId).orElseThrow(PushController::notFound);
        if (!scope.write(tenant, () -> subscriptions.delete(tenant, member, id))) {
            throw notFound();
        }
    }

    private static ProblemException off() {
        return new ProblemException(ProblemKind.NOT_FOUND, OFF);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Push subscription");
    }
}
