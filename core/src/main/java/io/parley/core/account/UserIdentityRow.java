package io.parley.core.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A provider account (Google, GitHub, an operator's OIDC issuer) linked to a user: it signs in as that user. */
@MappedEntity("user_identities")
public record UserIdentityRow(@Id UUID id, UUID userId, String provider, String subject, @Nullable String email,
                              Instant createdAt, @Nullable Instant lastUsedAt) {
}
