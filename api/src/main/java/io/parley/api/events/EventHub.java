package io.parley.api.events;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.parley.core.ServerRoles;
import io.parley.core.tenancy.TenantId;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Fans tenant events out to the connected streams of that tenant only. Events arrive from
 * {@link TenantEventListener} (one LISTEN connection per process), so the number of clients never multiplies
 * database connections. Each client has a bounded buffer; one that falls behind is disconnected, not buffered
 * without end. A virtual thread sends keep-alive comments and closes streams that reached their maximum age.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
final class EventHub {

    /** Sent to every stream after the listener reconnected: events may have been missed, refetch what is shown. */
    static final String RESYNC = "resync";
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    /** Event names go into the SSE {@code event:} line: no spaces or line breaks can reach it. */
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

    private final Map<TenantId, Set<StreamClient>> clients = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final EventStreamConfiguration configuration;
    private final JsonMapper json;
    private final Thread keepAlive;
    private volatile boolean running = true;

    EventHub(EventStreamConfiguration configuration, JsonMapper json) {
        this.configuration = configuration;
        this.json = json;
        this.keepAlive = Thread.ofVirtual().name("event-stream-keep-alive").start(this::keepAlive);
    }

    /** A stream of {@code tenant}'s events, starting with a "connected" comment once it is registered. */
    Flux<Event<String>> subscribe(TenantId tenant) {
        return Flux.defer(() -> {
            StreamClient client = new StreamClient(tenant, configuration.bufferSize(),
                    Instant.now().plus(configuration.maxConnectionDuration()));
            clients.compute(tenant, (key, set) -> {
                Set<StreamClient> members = set == null ? ConcurrentHashMap.newKeySet() : set;
                members.add(client);
                return members;
            });
            return client.events(comment("connected")).doFinally(signal -> remove(client));
        });
    }

    /**
     * Delivers one NOTIFY payload ({@code {"tenantId", "type", "data"}}, see TenantEvents) to its tenant's clients.
     * Malformed payloads are logged and dropped: a bad publisher must not break the stream for everyone.
     */
    void dispatch(String payload) {
        if (clients.isEmpty()) {
            return;
        }
        try {
            JsonNode event = json.readValue(payload, JsonNode.class);
            Optional<TenantId> tenant = TenantId.parse(text(event, "tenantId"));
            String type = text(event, "type");
            JsonNode data = event.get("data");
            if (tenant.isEmpty() || type == null || !TYPE.matcher(type).matches() || data == null) {
                LOG.warn("Dropped a tenant event without a valid tenantId, type or data");
                return;
            }
            Set<StreamClient> targets = clients.get(tenant.get());
            if (targets != null) {
                deliver(targets, named(type, json.writeValueAsString(data)));
            }
        } catch (IOException e) {
            LOG.warn("Dropped a tenant event that is not JSON: {}", e.getMessage());
        }
    }

    void resync() {
        clients.values().forEach(targets -> deliver(targets, named(RESYNC, "{}")));
    }

    int connected(TenantId tenant) {
        Set<StreamClient> targets = clients.get(tenant);
        return targets == null ? 0 : targets.size();
    }

    private Event<String> named(String type, String data) {
        return Event.of(data).name(type).id(Long.toString(sequence.incrementAndGet()));
    }

    private static Event<String> comment(String text) {
        return Event.of("").comment(text);
    }

    private void deliver(Set<StreamClient> targets, Event<String> event) {
        for (StreamClient client : targets) {
            if (!client.offer(event)) {
                LOG.info("Disconnected a slow event-stream client of tenant {} (buffer of {} events full)",
                        client.tenant(), configuration.bufferSize());
                client.close();
                remove(client);
            }
        }
    }

    private void keepAlive() {
        while (running) {
            try {
                Thread.sleep(configuration.keepAlive());
            } catch (InterruptedException e) {
                return;
            }
            Instant now = Instant.now();
            for (Set<StreamClient> targets : clients.values()) {
                for (StreamClient client : targets) {
                    if (client.expired(now)) {
                        client.close();
                        remove(client);
                    }
                }
                deliver(targets, comment("keep-alive"));
            }
        }
    }

    private void remove(StreamClient client) {
        clients.computeIfPresent(client.tenant(), (key, set) -> {
            set.remove(client);
            return set.isEmpty() ? null : set;
        });
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.isObject() ? node.get(field) : null;
        return value != null && value.isString() ? value.getStringValue() : null;
    }

    @PreDestroy
    void stop() {
        running = false;
        keepAlive.interrupt();
        clients.values().forEach(targets -> targets.forEach(StreamClient::close));
        clients.clear();
    }
}
