package io.parley.core.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** One refresh token of a session family. Only its SHA-256 is stored. */
@MappedEntity("refresh_tokens")
public record RefreshTokenRow(@Id UUID id, UUID familyId, UUID userId, @Nullable UUID tenantId, byte[] tokenHash,
                              Instant createdAt, Instant expiresAt, @Nullable Instant usedAt,
                              @Nullable Instant revokedAt) {

    @Override
    public String toString() {
        return "RefreshTokenRow[id=" + id + ", family=" + familyId + "]";
    }
}
