package io.parley.api.member;

import io.micronaut.context.annotation.Value;
import io.parley.api.caller.Caller;
import io.parley.api.token.TenantBoundToken;
import io.parley.core.account.InvitationRepository;
import io.parley.core.account.InvitationRow;
import io.parley.core.account.MembershipRepository;
import io.parley.core.account.TenantRepository;
import io.parley.core.account.UserRepository;
import io.parley.core.account.UserRow;
import io.parley.core.account.email.AccountEmail;
import io.parley.core.account.email.AccountEmails;
import io.parley.core.audit.AuditLog;
import io.parley.core.plan.PlanGuard;
import io.parley.core.plan.PlanLimit;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.tenancy.UserId;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Invitations: an admin invites an email with a role; the person signs in (or signs up) with that email and accepts
 * with the token from the link. Acceptance needs the invitee's consent and a matching email, so an invitation link
 * that leaks cannot add a stranger.
 */
@Singleton
final class InvitationService {

    static final String TOKEN_PREFIX = "pinv";
    private static final Logger LOG = LoggerFactory.getLogger(InvitationService.class);

    private final TenantScope scope;
    private final InvitationRepository invitations;
    private final MembershipRepository memberships;
    private final TenantRepository tenants;
    private final UserRepository users;
    private final AuditLog audit;
    private final PlanGuard planGuard;
    private final String publicUrl;
    private final int validDays;
    private final AccountEmails emails;

    InvitationService(TenantScope scope, InvitationRepository invitations, MembershipRepository memberships,
                      TenantRepository tenants, UserRepository users, AuditLog audit, PlanGuard planGuard,
                      @Value("${parley.public-url}") String publicUrl,
                      @Value("${parley.auth.invitation-days:7}") int validDays, AccountEmails emails) {
        this.emails = emails;
        this.scope = scope;
        this.invitations = invitations;
        this.memberships = memberships;
        this.tenants = tenants;
        this.users = users;
        this.audit = audit;
        this.planGuard = planGuard;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.validDays = validDays;
    }

    MemberWire.InvitationResponse invite(Caller caller, MemberWire.Invite request, String language) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        Role role = Role.fromWire(request.role()).orElseThrow();
        if (role == Role.OWNER && caller.role() != Role.OWNER) {
            throw ProblemException.forbidden("Only an owner can invite another owner.");
        }
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        UUID id = Ids.next();
        TenantBoundToken token = TenantBoundToken.generate(TOKEN_PREFIX, id, tenant);
        Instant expires = Instant.now().plus(Duration.ofDays(validDays));
        MemberWire.InvitationResponse created = scope.write(tenant, () -> {
            boolean member = users.findByEmail(email)
                    .flatMap(user -> memberships.find(tenant.value(), user.id())).isPresent();
            if (member) {
                throw ProblemException.conflict(email + " is already a member of this tenant.");
            }
            planGuard.requireRoomForOneMore(tenant, PlanLimit.MEMBERS);
            invitations.insert(tenant.value(), id, email, role.wireName(), token.secretHash(),
                    caller.user() == null ? null : caller.user().value(), expires);
            audit.record(tenant, caller.actor(), "member.invited", "invitation", id.toString(),
                    Map.of("email", email, "role", role.wireName()));
            InvitationRow row = invitations.find(tenant.value(), id).orElseThrow();
            String encoded = token.encode();
            return new MemberWire.InvitationResponse(row.id().toString(), row.email(), row.role(), row.createdAt(),
                    row.expiresAt(), encoded,
                    publicUrl + "/invitations/accept?token=" + URLEncoder.encode(encoded, StandardCharsets.UTF_8));
        });
        try {
            mail(caller, tenant, created, role, language);
        } catch (RuntimeException e) {
            // The invitation stands and its link is in the answer: a mail that cannot be queued is not a failure.
            LOG.warn("The email of invitation {} could not be queued: {}", created.id(), e.toString());
        }
        return created;
    }

    /** Emails the link (after the commit: a rolled-back invitation mails nothing), in the invitee's language. */
    private void mail(Caller caller, TenantId tenant, MemberWire.InvitationResponse invitation, Role role,
                      String inviterLanguage) {
        String language = users.findByEmail(invitation.email()).map(UserRow::language).orElse(inviterLanguage);
        String tenantName = scope.read(tenant, () -> tenants.findById(tenant.value()).orElseThrow().name());
        String inviter = caller.isApiKey() ? tenantName : caller.label();
        emails.send(new AccountEmail(AccountEmail.INVITATION, invitation.email(), language, invitation.acceptUrl(),
                Map.of("email", invitation.email(), "tenant", tenantName, "inviter", inviter,
                        "role", RoleNames.of(role, language), "days", Integer.toString(validDays))));
    }

    List<MemberWire.InvitationResponse> pending(Caller caller) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        return scope.read(tenant, () -> invitations.pending(tenant.value()).stream()
                .map(MemberWire.InvitationResponse::of).toList());
    }

    void revoke(Caller caller, String invitationId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        UUID id = Ids.parse(invitationId).orElseThrow(() -> ProblemException.notFound("Invitation"));
        scope.writeVoid(tenant, () -> {
            InvitationRow row = invitations.find(tenant.value(), id)
                    .orElseThrow(() -> ProblemException.notFound("Invitation"));
            if (invitations.revoke(tenant.value(), id) == 0) {
                throw ProblemException.conflict("The invitation was already accepted or revoked.");
            }
            audit.record(tenant, caller.actor(), "invitation.revoked", "invitation", id.toString(),
                    Map.of("email", row.email()));
        });
    }

    /** The signed-in user joins the invitation's tenant. */
    MemberWire.MembershipResponse accept(Caller caller, String rawToken) {
        UserId user = caller.requireUser();
        TenantBoundToken token = TenantBoundToken.parse(TOKEN_PREFIX, rawToken).orElseThrow(InvitationService::invalid);
        UserRow account = users.findById(user.value()).orElseThrow(InvitationService::invalid);
        TenantId tenant = token.tenant();
        return scope.asUserInTenant(user, tenant, () -> {
            InvitationRow invitation = invitations.find(tenant.value(), token.id())
                    .filter(row -> token.matches(row.tokenHash()))
                    .orElseThrow(InvitationService::invalid);
            if (invitation.acceptedAt() != null || invitation.revokedAt() != null
                    || invitation.expiresAt().isBefore(Instant.now())) {
                throw new ProblemException(ProblemKind.INVALID_TOKEN,
                        "This invitation was already used, revoked or has expired; ask for a new one.");
            }
            if (!invitation.email().equalsIgnoreCase(account.email())) {
                throw ProblemException.forbidden("This invitation is for another email address.");
            }
            if (memberships.find(tenant.value(), user.value()).isPresent()) {
                throw ProblemException.conflict("You are already a member of this tenant.");
            }
            planGuard.requireRoomForOneMore(tenant, PlanLimit.MEMBERS);
            memberships.insert(tenant.value(), user.value(), invitation.role());
            invitations.accept(tenant.value(), invitation.id());
            audit.record(tenant, caller.actor(), "member.joined", "user", user.toString(),
                    Map.of("email", account.email(), "role", invitation.role(), "invitation", invitation.id().toString()));
            String name = tenants.findById(tenant.value()).orElseThrow().name();
            return new MemberWire.MembershipResponse(tenant.toString(), name, invitation.role());
        });
    }

    private static ProblemException invalid() {
        return new ProblemException(ProblemKind.INVALID_TOKEN, "This invitation token is not valid.");
    }
}
