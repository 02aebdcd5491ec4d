package io.parley.core.accesscode;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** One access code (its text is never stored, only its hash, which is never read back out). */
@MappedEntity("access_codes")
public record AccessCodeRow(UUID tenantId, @Id UUID id, UUID botId, UUID batchId, int maxUses, int uses,
                            @Nullable Instant expiresAt, @Nullable Instant revokedAt, Instant createdAt) {

    /** Whether it can be redeemed (once more) at {@code now}. */
    public boolean redeemable(Instant now) {
        return revokedAt == null && uses < maxUses && (expiresAt == null || expiresAt.isAfter(now));
    }
}
