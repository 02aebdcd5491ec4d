package io.parley.worker.broadcast;

import io.parley.core.audit.Actor;
import io.parley.core.audit.AuditLog;
import io.parley.core.tenancy.Role;
import io.parley.core.broadcast.BroadcastRow;
import io.parley.core.broadcast.BroadcastState;
import io.parley.core.broadcast.BroadcastStore;
import io.parley.core.broadcast.RecipientStore;
import io.parley.core.notification.NotificationDraft;
import io.parley.core.notification.Notifications;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/** The worker's state changes of a broadcast: paused with a reason (and a notification), completed. */
@Singleton
final class BroadcastControl {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastControl.class);
    private static final Actor WORKER = Actor.system("broadcast sender");

    private final TenantScope scope;
    private final BroadcastStore broadcasts;
    private final RecipientStore recipients;
    private final Notifications notifications;
    private final AuditLog audit;

    BroadcastControl(TenantScope scope, BroadcastStore broadcasts, RecipientStore recipients,
                     Notifications notifications, AuditLog audit) {
        this.recipients = recipients;
        this.scope = scope;
        this.broadcasts = broadcasts;
        this.notifications = notifications;
        this.audit = audit;
    }

    boolean running(TenantId tenant, BroadcastRow broadcast) {
        return scope.read(tenant, () -> broadcasts.find(tenant.value(), broadcast.id())
                .map(row -> row.state() == BroadcastState.RUNNING).orElse(false));
    }

    /** Pauses a running broadcast because it cannot go on (credentials rejected, LINE quota used up). */
    void pause(TenantId tenant, BroadcastRow broadcast, String reason) {
        LOG.warn("Broadcast {} paused: {}", broadcast.id(), reason);
        scope.writeVoid(tenant, () -> {
            if (!broadcasts.transition(tenant.value(), broadcast.id(), List.of(BroadcastState.RUNNING),
                    BroadcastState.PAUSED, reason)) {
                return;
            }
            audit.record(tenant, WORKER, "broadcast.paused", "broadcast", broadcast.id().toString(),
                    Map.of("reason", reason));
            notifications.raise(tenant, new NotificationDraft("broadcast.paused",
                    NotificationDraft.Severity.WARNING, Role.ADMIN,
                    "Broadcast \"" + broadcast.name() + "\" paused",
                    "The broadcast stopped sending: " + reason + " Fix the cause, then resume it.",
                    Map.of("broadcast", broadcast.name(), "reason", reason), "/broadcasts/" + broadcast.id(),
                    "broadcast:" + broadcast.id() + ":paused:" + System.currentTimeMillis() / 60_000));
        });
    }

    /**
     * The last attempt of the broadcast's job failed ({@code reason}): what is left fails (see
     * {@link RecipientStore#giveUp}) and the broadcast completes, so it never stays running with nobody sending.
     */
    void giveUp(TenantId tenant, BroadcastRow broadcast, String reason) {
        LOG.warn("Broadcast {}: sending gave up, its unsent recipients fail: {}", broadcast.id(), reason);
        scope.writeVoid(tenant, () -> recipients.giveUp(tenant.value(), broadcast.id(), reason));
        complete(tenant, broadcast);
    }

    void complete(TenantId tenant, BroadcastRow broadcast) {
        scope.writeVoid(tenant, () -> {
            if (broadcasts.transition(tenant.value(), broadcast.id(), List.of(BroadcastState.RUNNING),
                    BroadcastState.COMPLETED, null)) {
                audit.record(tenant, WORKER, "broadcast.completed", "broadcast", broadcast.id().toString(),
                        broadcasts.counts(tenant.value(), broadcast.id()));
            }
        });
    }
}
