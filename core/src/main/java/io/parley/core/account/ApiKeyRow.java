package io.parley.core.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A tenant API key. The secret itself is never stored, only its SHA-256. */
@MappedEntity("api_keys")
public record ApiKeyRow(UUID tenantId, @Id UUID id, String name, String role, String prefix, byte[] secretHash,
                        @Nullable UUID createdBy, Instant createdAt, @Nullable Instant lastUsedAt,
                        @Nullable Instant revokedAt) {

    @Override
    public String toString() {
        return "ApiKeyRow[id=" + id + ", prefix=" + prefix + "]";
    }
}
