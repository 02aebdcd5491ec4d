package io.parley.api.member;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
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
import io.parley.api.auth.EmailVerificationPolicy;
import io.parley.api.caller.Caller;
import io.parley.api.caller.CallerResolver;
import io.parley.http.language.ProblemLanguage;
import io.parley.api.openapi.ProblemResponses;
import io.parley.api.page.PageResponse;
import io.parley.core.ServerRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Inviting people into the active tenant, and accepting an invitation. */
@Controller("/api/v1/invitations")
@Requires(property = "parley.roles", pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Members")
@ProblemResponses.Authenticated
class InvitationController {

    private final InvitationService invitations;
    private final CallerResolver callers;
    private final EmailVerificationPolicy verification;

    InvitationController(InvitationService invitations, CallerResolver callers,
                         EmailVerificationPolicy verification) {
        this.verification = verification;
        this.invitations = invitations;
        this.callers = callers;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @ProblemResponses.JsonBody
    @ProblemResponses.Conflict
    @Operation(operationId = "createInvitation", summary = "Invite someone by email (admin; owner invitations by owners only)",
            description = "The link is emailed to the invitee when SMTP is configured (in the invitee's language if "
                    + "they have an account, else the inviter's Accept-Language); the response also carries the token "
                    + "and link, once. 403 until the inviting user's email is verified (docs/identity.md).")
    MemberWire.InvitationResponse invite(@Body @Valid MemberWire.Invite body, Authentication authentication,
                                         HttpRequest<?> request) {
        Caller caller = callers.resolve(authentication, request);
        verification.require(caller);
        return invitations.invite(caller, body,
                ProblemLanguage.negotiate(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE)).tag());
    }

    @Get
    @Schema(name = "InvitationPage")
    @Operation(operationId = "listInvitations", summary = "List pending invitations (admin)",
            description = "Invitations not yet accepted, revoked or expired, newest first.")
    PageResponse<MemberWire.InvitationResponse> pending(Authentication authentication, HttpRequest<?> request) {
        return new PageResponse<>(invitations.pending(callers.resolve(authentication, request)), null);
    }

    @Delete("/{invitationId}")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "revokeInvitation", summary = "Revoke a pending invitation (admin)",
            description = "The link in the invitation email stops working at once; 409 when it was already accepted or "
            + "revoked.")
    void revoke(@PathVariable String invitationId, Authentication authentication, HttpRequest<?> request) {
        invitations.revoke(callers.resolve(authentication, request), invitationId);
    }

    @Post("/accept")
    @ProblemResponses.JsonBody
    @ProblemResponses.Conflict
    @Operation(operationId = "acceptInvitation", summary = "Accept an invitation as the signed-in user",
            description = "The invitation's email must be the user's. Then switch to the tenant with /auth/switch-tenant.")
    MemberWire.MembershipResponse accept(@Body @Valid MemberWire.Accept body, Authentication authentication,
                                         HttpRequest<?> request) {
        var caller = callers.resolveWithoutTenant(authentication, request);
        return invitations.accept(caller, body.token());
    }
}
