package io.parley.core.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A dashboard login. Global: one user may belong to several tenants through memberships. */
@MappedEntity("users")
public record UserRow(@Id UUID id, String email, String passwordHash, @Nullable String displayName,
                      Instant createdAt, Instant updatedAt, @Nullable Instant lastLoginAt) {

    @Override
    public String toString() {
        return "UserRow[id=" + id + ", email=" + email + "]";
    }
}
