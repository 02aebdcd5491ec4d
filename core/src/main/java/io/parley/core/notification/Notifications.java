package io.parley.core.notification;

import io.parley.core.events.TenantEvents;
import io.parley.core.mail.Mailer;
import io.parley.core.queue.JobQueue;
import io.parley.core.queue.JobRequest;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.webpush.WebPush;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenant's notifications (docs/notifications.md): the one way billing alerts, quota, hand-offs and later
 * analytics alerts and broadcasts tell the members who should know. {@link #raise} stores a notification once per
 * dedup key, and with it — in the caller's transaction, so all or nothing — a {@value #EVENT} tenant event (the
 * dashboard's bell updates live) and, when SMTP is configured, one email job per member who sees it (sent and
 * retried by the queue, {@link NotificationEmailHandler}), and one Web Push job per browser a member who sees it
 * subscribed ({@link WebPush}). Call every method inside the tenant's scope.
 */
@Singleton
public final class Notifications {

    public static final String EVENT = "notification.created";

    private final NotificationStore store;
    private final TenantEvents events;
    private final JobQueue queue;
    private final Mailer mailer;
    private final WebPush webPush;

    Notifications(NotificationStore store, TenantEvents events, JobQueue queue, Mailer mailer, WebPush webPush) {
        this.store = store;
        this.events = events;
        this.queue = queue;
        this.mailer = mailer;
        this.webPush = webPush;
    }

    /** Raises a notification once per {@code draft.dedupKey()}: its id, or empty when it was raised already. */
    public Optional<UUID> raise(TenantId tenant, NotificationDraft draft) {
        Optional<UUID> created = store.insert(tenant, Ids.next(), draft);
        created.ifPresent(id -> {
            events.publish(tenant, EVENT, Map.of("id", id.toString(), "kind", draft.kind(),
                    "severity", draft.severity().wireName(), "minRole", draft.minRole().wireName()));
            if (mailer.configured()) {
                List<JobRequest> mails = store.members(tenant, draft.minRole()).stream()
                        .map(user -> NotificationEmailHandler.job(id, user)).toList();
                queue.enqueueAll(tenant, mails);
            }
            List<JobRequest> pushes = webPush.jobs(tenant, id, draft.minRole());
            if (!pushes.isEmpty()) {
                queue.enqueueAll(tenant, pushes);
            }
        });
        return created;
    }

    /** One notification regardless of readers (email and push jobs); empty when there is none. */
    public Optional<Notification> find(TenantId tenant, UUID id) {
        return store.find(tenant, id);
    }

    /** A page, newest first, of what {@code reader} (a user's or an API key's id) with {@code role} sees. */
    public List<Notification> page(TenantId tenant, UUID reader, Role role, UUID beforeId, int limit,
                                   boolean unreadOnly) {
        return store.page(tenant, reader, role, beforeId, limit, unreadOnly);
    }

    public long unreadCount(TenantId tenant, UUID reader, Role role) {
        return store.unreadCount(tenant, reader, role);
    }

    /** Marks one notification read for the reader; false when the reader sees no notification with that id. */
    public boolean markRead(TenantId tenant, UUID reader, Role role, UUID id) {
        return store.markRead(tenant, reader, role, id);
    }

    /** Marks every notification the reader sees read. */
    public void markAllRead(TenantId tenant, UUID reader, Role role) {
        store.markRead(tenant, reader, role, null);
    }
}
