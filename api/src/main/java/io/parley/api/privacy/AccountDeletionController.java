package io.parley.api.privacy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A signed-in user deletes their own account (docs/privacy.md). */
@Controller("/api/v1/me")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Auth")
@ProblemResponses.Authenticated
class AccountDeletionController {

    private final AccountDeletionService accounts;
    private final CallerResolver callers;

    AccountDeletionController(AccountDeletionService accounts, CallerResolver callers) {
        this.accounts = accounts;
        this.callers = callers;
    }

    @Delete
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.Forbidden
    @ProblemResponses.Conflict
    @Operation(operationId = "deleteMe", summary = "Delete your account",
            description = "Leaves every tenant (each audits member.left) and deletes the user with their sessions. "
                    + "409 when you are the last owner of a tenant: make someone else owner or close the tenant "
                    + "first. 403 for API keys. The tenants' data stays theirs.")
    void delete(Authentication authentication, HttpRequest<?> request) {
        accounts.delete(callers.resolve(authentication, request));
    }
}
