package io.parley.core.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A membership joined with the member's login, as members lists show it. */
@MappedEntity("memberships")
public record MemberRow(UUID tenantId, @Id UUID userId, String role, String email, @Nullable String displayName,
                        Instant createdAt) {
}
