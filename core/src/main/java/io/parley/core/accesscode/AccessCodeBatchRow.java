package io.parley.core.accesscode;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A batch of access codes with what its codes grant ({@code grantTier}, the JSON text of {@code grantAttributes}),
 * and, as read by the repository, {@code uses} (redemptions of its codes so far) and {@code revokedCodes}.
 */
@MappedEntity("access_code_batches")
public record AccessCodeBatchRow(UUID tenantId, @Id UUID id, UUID botId, String name, int codeCount, int maxUses,
                                 @Nullable Instant expiresAt, @Nullable String grantTier, String grantAttributes,
                                 Instant createdAt, @Nullable Instant revokedAt, long uses, long revokedCodes) {
}
