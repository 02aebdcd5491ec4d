package io.parley.api.admin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.billing.CreditWire;
import io.parley.api.billing.StripeProblemResponses;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "grantTenantCredit", summary = "Grant credit to a tenant (platform admin)",
            description = "A Stripe customer balance transaction on the tenant's customer (created first when the "
                    + "tenant has none): the credit pays the tenant's next invoices. Send an `Idempotency-Key` to "
                    + "retry safely: the same key answers the first grant again (the same body), never a second "
                    + "credit; with another amount or reason it is a 409. 503 without Stripe. Audited as "
                    + "billing.credit.granted in the tenant's log and the platform's.")
    CreditWire.Granted grant(@PathVariable String id, @Body @Valid AdminWire.GrantCreditRequest body,
                                  @Nullable @Header("Idempotency-Key") @Parameter(description =
                                          "Makes a retried grant safe (1–100 of A–Z a–z 0–9 . _ : -)",
                                          example = "ticket-1234") String idempotencyKey,
                                  Authentication authentication, HttpRequest<?> request) {
        var operator = guard.require(authentication, request);
        return grants.grant(AdminTenantController.tenant(id), body, idempotencyKey, operator);
    }

    @Get
    @ProblemResponses.NotFound
    @Operation(operationId = "getTenantCredit", summary = "A tenant's credit (platform admin)",
            description = "The credit left on the tenant's Stripe customer (null without one, or when Stripe cannot "
                    + "be reached) and the grants, newest first.")
    CreditWire.CreditView get(@PathVariable String id, Authentication authentication, HttpRequest<?> request) {
        guard.require(authentication, request);
        return grants.describe(AdminTenantController.tenant(id));
    }
}
