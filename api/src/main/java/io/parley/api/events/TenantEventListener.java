package io.parley.api.events;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.parley.core.ServerRoles;
import io.parley.core.database.NotificationListener;
import io.parley.core.events.TenantEvents;
import jakarta.annotation.PreDestroy;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * LISTENs on {@link TenantEvents#CHANNEL} (core's {@link NotificationListener}: one dedicated connection outside the
 * pool, reconnecting with backoff) and hands every notification to the {@link EventHub}. After a reconnect it tells
 * the clients to resync, since NOTIFY does not queue notifications for a listener that is away.
 */
@Context
@Requires(property = "parley.events.listen", notEquals = "false")
@Requires(property = "datasources.default.url")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
final class TenantEventListener {

    private final NotificationListener listener;

    TenantEventListener(EventHub hub, @Value("${datasources.default.url}") String url,
                        @Value("${datasources.default.username:}") String username,
                        @Value("${datasources.default.password:}") String password) {
        AtomicBoolean first = new AtomicBoolean(true);
        this.listener = new NotificationListener(url, username, password, TenantEvents.CHANNEL,
                () -> {
                    if (!first.getAndSet(false)) {
                        hub.resync();
                    }
                },
                hub::dispatch);
    }

    @PreDestroy
    void stop() {
        listener.close();
    }
}
