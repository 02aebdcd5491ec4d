package io.parley.api.admin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.billing.CreditWire;
import io.parley.api.billing.StripeProblemResponses;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.parley.core.tenancy.TenantId;
import io.parley.http.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Credit granted to a tenant from the operator console (docs/operator-console.md): platform admins only. */
@Controller("/api/v1/admin/tenants/{id}/credits")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Operator")
@ProblemResponses.Authenticated
class AdminCreditController {

    private final PlatformAdminGuard guard;
    private final CreditGrants grants;

    AdminCreditController(PlatformAdminGuard guard, CreditGrants grants) {
        this.guard = guard;
        this.grants = grants;
    }

    @Post
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @StripeProblemResponses
    @ApiResponse(responseCode = "201", description = "Granted",
            content = @Content(schema = @Schema(implementation = AdminWire.CreditGranted.class)))
    @ApiResponse(responseCode = "200", description = "The same Idempotency-Key again: the grant made the first time",
            content = @Content(schema = @Schema(implementation = AdminWire.CreditGranted.class)))
    @Operation(operationId = "grantTenantCredit", summary = "Grant credit to a tenant (platform admin)",
            description = "A Stripe customer balance transaction on the tenant's customer (created first when the "
                    + "tenant has none): the credit pays the tenant's next invoices. Send an `Idempotency-Key` to "
                    + "retry safely: the same key answers the first grant (200), never a second credit; with "
                    + "another amount or reason it is a 409. 503 without Stripe. Audited as billing.credit.granted "
                    + "in the tenant's log and the platform's.")
    HttpResponse<AdminWire.CreditGranted> grant(@PathVariable String id,
                                                @Body @Valid AdminWire.GrantCreditRequest body,
                                                @Nullable @Header("Idempotency-Key") @Parameter(description =
                                                        "Makes a retried grant safe (1–100 of A–Z a–z 0–9 . _ : -)",
                                                        example = "ticket-1234") String idempotencyKey,
                                                Authentication authentication, HttpRequest<?> request) {
        var operator = guard.require(authentication, request);
        CreditGrants.Outcome outcome = grants.grant(tenant(id), body, idempotencyKey, operator);
        return HttpResponse.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.granted());
    }

    @Get
    @ProblemResponses.NotFound
    @Operation(operationId = "getTenantCredit", summary = "A tenant's credit (platform admin)",
            description = "The credit left on the tenant's Stripe customer (null without one, or when Stripe cannot "
                    + "be reached) and the grants, newest first.")
    CreditWire.CreditView get(@PathVariable String id, Authentication authentication, HttpRequest<?> request) {
        guard.require(authentication, request);
        return grants.describe(tenant(id));
    }

    private static TenantId tenant(String id) {
        return TenantId.parse(id).orElseThrow(() -> ProblemException.notFound("Tenant"));
    }
}
