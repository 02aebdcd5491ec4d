package io.parley.core.webpush;

import java.time.Instant;
import java.util.UUID;

/** A member's browser subscribed to Web Push in one tenant, as its owner lists it (keys are not echoed). */
public record PushSubscription(UUID id, String endpoint, Instant createdAt, Instant updatedAt) {
}
