package io.parley.core.contact.optout;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** One identity on the suppression list (V90): no broadcast reaches {@code externalUserId} on {@code channelId}. */
@MappedEntity("contact_opt_outs")
public record OptOutRow(UUID tenantId, @Id UUID channelId, String externalUserId, String source,
                        @Nullable String detail, Instant createdAt) {
}
