package io.parley.api.notification;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.Caller;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.ServerRoles;
import io.parley.core.notification.Notification;
import io.parley.core.notification.Notifications;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.UUID;

/**
 * The caller's notifications (docs/notifications.md): what the bell shows. Every member and API key reads the
 * notifications its role sees (billing: owners and admins; hand-offs: agents and up); read state is the caller's
 * own (a member's, or an API key's).
 */
@Controller("/api/v1/notifications")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Notifications", description = "What members should know (budget alerts, quota, hand-offs): the "
        + "bell's list, unread count and read state")
@ProblemResponses.Authenticated
final class NotificationController {

    private final Notifications notifications;
    private final TenantScope scope;
    private final CallerResolver callers;

    NotificationController(Notifications notifications, TenantScope scope, CallerResolver callers) {
        this.notifications = notifications;
        this.scope = scope;
        this.callers = callers;
    }

    @Get
    @ProblemResponses.BadRequest
    @Operation(operationId = "listNotifications", summary = "List your notifications, newest first",
            description = "The notifications your role sees, with your read state and your unread count (of all "
                    + "pages). A `notification.created` event on the live stream (GET /api/v1/events) tells when "
                    + "to fetch again.")
    NotificationWire.NotificationPage list(@Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
                                           @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
                                           @Nullable @QueryValue @Parameter(description = "true: only unread ones")
                                           Boolean unread,
                                           Authentication authentication, HttpRequest<?> request) {
        Caller caller = callers.resolve(authentication, request);
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        int size = Cursor.limit(limit);
        UUID before = Cursor.after(cursor, Cursor.NEWEST);
        UUID reader = reader(caller);
        return scope.read(tenant, () -> {
            PageResponse<NotificationWire.NotificationResponse> page = PageResponse.of(
                    notifications.page(tenant, reader, caller.role(), before, size + 1, Boolean.TRUE.equals(unread)),
                    size, NotificationWire.NotificationResponse::of, (Notification row) -> row.id().toString());
            return new NotificationWire.NotificationPage(page.items(), page.nextCursor(),
                    notifications.unreadCount(tenant, reader, caller.role()));
        });
    }

    @Post("/{notificationId}/read")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @Operation(operationId = "markNotificationRead", summary = "Mark one of your notifications read",
            description = "For you only; other members keep their own read state. 404 for a notification your "
                    + "role does not see or another tenant's.")
    void read(@PathVariable String notificationId, Authentication authentication, HttpRequest<?> request) {
        Caller caller = callers.resolve(authentication, request);
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        UUID id = Ids.parse(notificationId).orElseThrow(NotificationController::notFound);
        if (!scope.write(tenant, () -> notifications.markRead(tenant, reader(caller), caller.role(), id))) {
            throw notFound();
        }
    }

    @Post("/read-all")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark all your notifications read",
            description = "For you only; your unread count becomes 0.")
    void readAll(Authentication authentication, HttpRequest<?> request) {
        Caller caller = callers.resolve(authentication, request);
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        scope.writeVoid(tenant, () -> notifications.markAllRead(tenant, reader(caller), caller.role()));
    }

    /** A member's user id, or an API key's id: both readers with their own read state. */
    private static UUID reader(Caller caller) {
        return caller.isApiKey() ? caller.apiKeyId() : caller.requireUser().value();
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Notification");
    }
}
