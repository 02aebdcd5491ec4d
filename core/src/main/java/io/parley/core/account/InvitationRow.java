package io.parley.core.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** An invitation to join a tenant, for an email that has no Parley login yet. */
@MappedEntity("invitations")
public record InvitationRow(UUID tenantId, @Id UUID id, String email, String role, byte[] tokenHash,
                            @Nullable UUID invitedBy, Instant createdAt, Instant expiresAt,
                            @Nullable Instant acceptedAt, @Nullable Instant revokedAt) {

    @Override
    public String toString() {
        return "InvitationRow[id=" + id + "]";
    }
}
