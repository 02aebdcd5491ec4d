package io.parley.core.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A dashboard login. Global: one user may belong to several tenants through memberships. {@code passwordHash} is null
 * for a user who signs in only through providers; {@code emailVerifiedAt} is when the address was proved;
 * {@code language} ({@code en} or {@code zh-Hant}) is the language of the account's emails.
 */
@MappedEntity("users")
public record UserRow(@Id UUID id, String email, @Nullable String passwordHash, @Nullable String displayName,
                      Instant createdAt, Instant updatedAt, @Nullable Instant lastLoginAt,
                      @Nullable Instant emailVerifiedAt, String language) {

    /** Whether the user can sign in with a password (users who signed up with a provider may have none). */
    public boolean hasPassword() {
        return passwordHash != null;
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    @Override
    public String toString() {
        return "UserRow[id=" + id + ", email=" + email + "]";
    }
}
