package io.parley.api.member;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.account.InvitationRow;
import io.parley.core.account.MemberRow;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Request and response bodies of the members and invitations endpoints. */
public final class MemberWire {

    static final String ROLE_PATTERN = "owner|admin|agent|viewer";

    private MemberWire() {
    }

    @Serdeable
    @Schema(name = "Member")
    record MemberResponse(String userId, String email, @Nullable String displayName,
                          @Schema(requiredMode = REQUIRED,
                                  type = "string", allowableValues = {"owner", "admin", "agent", "viewer"}) String role,
                          Instant joinedAt) {
        static MemberResponse of(MemberRow row) {
            return new MemberResponse(row.userId().toString(), row.email(), row.displayName(), row.role(), row.createdAt());
        }
    }

    @Serdeable
    @Schema(name = "ChangeRoleRequest")
    record ChangeRole(@Nullable @Pattern(regexp = ROLE_PATTERN, message = "must be owner, admin, agent or viewer")
                      @Schema(description = "The new role; leave it out to change nothing") String role) {
    }

    @Serdeable
    @Schema(name = "InvitationRequest")
    record Invite(@NotBlank @Email @Size(max = 254) @Schema(example = "agent@example.com") String email,
                  @NotBlank @Pattern(regexp = ROLE_PATTERN, message = "must be owner, admin, agent or viewer")
                  @Schema(example = "agent") String role) {
    }

    @Serdeable
    @Schema(name = "AcceptInvitationRequest")
    record Accept(@NotBlank @Size(max = 200) String token) {
        @Override
        public String toString() {
            return "Accept[***]";
        }
    }

    @Serdeable
    @Schema(name = "Invitation")
    record InvitationResponse(String id, String email, String role, Instant createdAt, Instant expiresAt,
                              @Nullable @Schema(description = "Shown only in the creation response") String token,
                              @Nullable @Schema(description = "Link to send to the invitee; only at creation")
                              String acceptUrl) {
        static InvitationResponse of(InvitationRow row) {
            return new InvitationResponse(row.id().toString(), row.email(), row.role(), row.createdAt(),
                    row.expiresAt(), null, null);
        }

        @Override
        public String toString() {
            return "InvitationResponse[" + id + "]";
        }
    }

    @Serdeable
    @Schema(name = "Membership", description = "A tenant the user belongs to, with their role there")
    public record MembershipResponse(String tenantId, String tenantName, String role) {
    }
}
