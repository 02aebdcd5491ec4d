package io.parley.api.me;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.api.auth.EmailVerificationPolicy;
import io.parley.api.caller.Caller;
import io.parley.api.caller.CallerResolver;
import io.parley.api.member.MemberWire.MembershipResponse;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.parley.core.account.MembershipRepository;
import io.parley.core.account.TenantRepository;
import io.parley.core.admin.PlatformAdmins;
import io.parley.core.account.TenantRow;
import io.parley.core.account.UserRepository;
import io.parley.core.account.UserRow;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.tenancy.UserId;
import io.parley.http.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Who the credential is: the user with their memberships, or the API key with its tenant. */
@Controller("/api/v1/me")
@Requires(property = "parley.roles", pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Auth")
@ProblemResponses.Authenticated
final class MeController {

    private final CallerResolver callers;
    private final TenantScope scope;
    private final UserRepository users;
    private final TenantRepository tenants;
    private final MembershipRepository memberships;

    private final EmailVerificationPolicy verification;
    private final PlatformAdmins admins;

    MeController(CallerResolver callers, TenantScope scope, UserRepository users, TenantRepository tenants,
                 MembershipRepository memberships, EmailVerificationPolicy verification, PlatformAdmins admins) {
        this.admins = admins;
        this.verification = verification;
        this.callers = callers;
        this.scope = scope;
        this.users = users;
        this.tenants = tenants;
        this.memberships = memberships;
    }

    @Get
    @Operation(operationId = "getMe", summary = "The current user (or API key), active tenant and memberships",
            description = "Who the credential is: the user (or API key), the active tenant and every membership.")
    MeResponse me(Authentication authentication, HttpRequest<?> request) {
        if (authentication.getAttributes().containsKey(io.parley.api.caller.CredentialClaims.API_KEY_ID)) {
            Caller key = callers.resolve(authentication, request);
            String tenantName = scope.read(key.tenant(), () -> tenants.findById(key.tenant().value())
                    .map(TenantRow::name).orElse(""));
            return new MeResponse(null, new ApiKey(key.apiKeyId().toString(), key.label(), key.role().wireName()),
                    key.tenant().toString(), List.of(new MembershipResponse(key.tenant().toString(), tenantName,
                    key.role().wireName())));
        }
        UserId user = callers.resolveUser(authentication, request);
        Object activeTenant = authentication.getAttributes().get(io.parley.api.caller.CredentialClaims.TENANT);
        // asked before the user's scope: the check opens a transaction of its own
        boolean platformAdmin = users.findById(user.value()).map(row -> admins.isAdmin(row.email())).orElse(false);
        return scope.asUser(user, () -> {
            UserRow row = users.findById(user.value()).orElseThrow(() -> ProblemException.notFound("User"));
            Map<java.util.UUID, TenantRow> byId = tenants.findForUser(user.value()).stream()
                    .collect(Collectors.toMap(TenantRow::id, Function.identity()));
            List<MembershipResponse> all = memberships.findForUser(user.value()).stream()
                    .filter(m -> byId.containsKey(m.tenantId()))
                    .map(m -> new MembershipResponse(m.tenantId().toString(), byId.get(m.tenantId()).name(), m.role()))
                    .toList();
            String active = activeTenant == null ? null : activeTenant.toString();
            boolean stillMember = all.stream().anyMatch(m -> m.tenantId().equals(active));
            return new MeResponse(new User(row.id().toString(), row.email(), row.displayName(),
                    row.emailVerified(), verification.required(), row.language(), platformAdmin), null,
                    stillMember ? active : null, all);
        });
    }

    @Serdeable
    @Schema(name = "Me")
    record MeResponse(@Nullable User user, @Nullable ApiKey apiKey, @Nullable String activeTenantId,
                      List<MembershipResponse> memberships) {
    }

    @Serdeable
    @Schema(name = "MeUser")
    record User(String id, String email, @Nullable String displayName,
                @Schema(requiredMode = REQUIRED, description = "Whether the address is verified") boolean emailVerified,
                @Schema(requiredMode = REQUIRED, description = "Whether an unverified address keeps this user from "
                        + "inviting, billing changes and API keys (docs/identity.md)") boolean emailVerificationRequired,
                @Schema(requiredMode = REQUIRED, description = "The language of the account's emails",
                        allowableValues = {"en", "zh-Hant"}) String language,
                @Schema(requiredMode = REQUIRED, description = "Whether the user may use the operator console "
                        + "(docs/operator-console.md)") boolean platformAdmin) {
    }

    @Serdeable
    @Schema(name = "MeApiKey")
    record ApiKey(String id, String label, String role) {
    }

}
