package io.parley.api.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.notification.Notification;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of /api/v1/notifications. */
final class NotificationWire {

    private NotificationWire() {
    }

    @Serdeable
    @Schema(name = "NotificationPage")
    record NotificationPage(@Schema(requiredMode = REQUIRED) List<NotificationResponse> items,
                            @Nullable @Schema(description = "Opaque cursor of the next page; null on the last page")
                            String nextCursor,
                            @Schema(requiredMode = REQUIRED, description = "Your unread notifications, all pages",
                                    example = "3") long unreadCount) {
    }

    @Serdeable
    @Schema(name = "Notification")
    record NotificationResponse(
            @Schema(requiredMode = REQUIRED) String id,
            @Schema(requiredMode = REQUIRED, example = "billing.budget.threshold",
                    description = "What happened; the dashboard translates notification.<kind> with params") String kind,
            @Schema(requiredMode = REQUIRED, type = "string", allowableValues = {"info", "warning", "critical"})
            String severity,
            @Schema(requiredMode = REQUIRED, example = "80 % of the monthly LLM budget used",
                    description = "In English") String title,
            @Schema(requiredMode = REQUIRED, description = "In English: what happened and how to act") String body,
            @Schema(requiredMode = REQUIRED, description = "The values in title and body, for translations",
                    example = "{\"percent\": \"80\"}") Map<String, String> params,
            @Nullable @Schema(description = "The dashboard path where you act on it", example = "/billing")
            String link,
            @Schema(requiredMode = REQUIRED) Instant createdAt,
            @Schema(requiredMode = REQUIRED, description = "Whether you have read it") boolean read) {

        static NotificationResponse of(Notification row) {
            return new NotificationResponse(row.id().toString(), row.kind(), row.severity(), row.title(), row.body(),
                    row.params(), row.link(), row.createdAt(), row.read());
        }
    }
}
