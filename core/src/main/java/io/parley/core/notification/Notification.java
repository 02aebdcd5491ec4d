package io.parley.core.notification;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A stored notification as one reader sees it: {@code read} is that reader's state. */
public record Notification(UUID id, String kind, String severity, String minRole, String title, String body,
                           Map<String, String> params, @Nullable String link, Instant createdAt, boolean read) {
}
