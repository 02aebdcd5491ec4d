package io.parley.api.events;

import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The hub without HTTP: fan-out by tenant, bounded buffers, stream age, malformed notifications. */
class EventHubTest {

    private final TenantId tenantA = new TenantId(Ids.next());
    private final TenantId tenantB = new TenantId(Ids.next());
    private EventHub hub;

    @AfterEach
    void stopHub() {
        if (hub != null) {
            hub.stop();
        }
    }

    @Test
    void deliversANotificationToItsTenantsStreamsOnly() throws Exception {
        hub = hub(Duration.ofMinutes(1), 16, Duration.ofMinutes(5));
        Client a = Client.unbounded();
        Client b = Client.unbounded();
        hub.subscribe(tenantA).subscribe(a);
        hub.subscribe(tenantB).subscribe(b);

        hub.dispatch(payload(tenantB, "message.created", "{\"messageId\":\"m-b\"}"));
        hub.dispatch(payload(tenantA, "message.created", "{\"messageId\":\"m-a\"}"));

        assertThat(a.awaitEvents(2)).extracting(Event::getData).containsExactly("", "{\"messageId\":\"m-a\"}");
        assertThat(b.awaitEvents(2)).extracting(Event::getData).containsExactly("", "{\"messageId\":\"m-b\"}");
        assertThat(a.events.get(1).getName()).isEqualTo("message.created");
    }

    @Test
    void dropsMalformedNotificationsAndKeepsStreaming() throws Exception {
        hub = hub(Duration.ofMinutes(1), 16, Duration.ofMinutes(5));
        Client a = Client.unbounded();
        hub.subscribe(tenantA).subscribe(a);

        hub.dispatch("not json");
        hub.dispatch("[1, 2]");
        hub.dispatch("{\"tenantId\": \"" + tenantA + "\", \"type\": \"x\"}");
        hub.dispatch(payload(tenantA, "bad type\nevent: forged", "{}"));
        hub.dispatch(payload(new TenantId(Ids.next()), "message.created", "{}"));
        hub.dispatch(payload(tenantA, "conversation.read", "{\"conversationId\":\"c\"}"));

        assertThat(a.awaitEvents(2).get(1).getName()).isEqualTo("conversation.read");
        assertThat(a.events).hasSize(2);
    }

    @Test
    void disconnectsAClientThatDoesNotReadInsteadOfBufferingWithoutEnd() throws Exception {
        hub = hub(Duration.ofMinutes(1), 4, Duration.ofMinutes(5));
        Client slow = new Client(1); // takes the "connected" comment, then reads nothing
        hub.subscribe(tenantA).subscribe(slow);
        assertThat(hub.connected(tenantA)).isEqualTo(1);

        for (int i = 0; i < 10; i++) {
            hub.dispatch(payload(tenantA, "message.created", "{\"n\":" + i + "}"));
        }

        assertThat(slow.completed.await(5, TimeUnit.SECONDS)).isTrue();
        assertForgotten(tenantA);
    }

    @Test
    void closesAStreamAtItsMaximumAgeAndSendsKeepAlivesUntilThen() throws Exception {
        hub = hub(Duration.ofMillis(50), 16, Duration.ofMillis(400));
        Client a = Client.unbounded();
        hub.subscribe(tenantA).subscribe(a);

        assertThat(a.completed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(a.events.stream().skip(1).map(Event::getComment)).isNotEmpty().containsOnly("keep-alive");
        assertForgotten(tenantA);
    }

    @Test
    void aClientThatDisconnectsIsForgotten() throws Exception {
        hub = hub(Duration.ofMinutes(1), 16, Duration.ofMinutes(5));
        Client a = Client.unbounded();
        hub.subscribe(tenantA).subscribe(a);

        a.dispose();

        assertForgotten(tenantA);
    }

    @Test
    void tellsEveryStreamToResyncAfterMissedNotifications() throws Exception {
        hub = hub(Duration.ofMinutes(1), 16, Duration.ofMinutes(5));
        Client a = Client.unbounded();
        Client b = Client.unbounded();
        hub.subscribe(tenantA).subscribe(a);
        hub.subscribe(tenantB).subscribe(b);

        hub.resync();

        assertThat(a.awaitEvents(2).get(1).getName()).isEqualTo(EventHub.RESYNC);
        assertThat(b.awaitEvents(2).get(1).getName()).isEqualTo(EventHub.RESYNC);
    }

    /** The hub forgets a client right after its stream ends (the subscriber may see the end a moment earlier). */
    private void assertForgotten(TenantId tenant) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (hub.connected(tenant) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(hub.connected(tenant)).isZero();
    }

    private static EventHub hub(Duration keepAlive, int buffer, Duration maxAge) {
        return new EventHub(new EventStreamConfiguration(keepAlive, buffer, maxAge, 60), JsonMapper.createDefault());
    }

    private static String payload(TenantId tenant, String type, String data) {
        return "{\"tenantId\":\"" + tenant + "\",\"type\":\"" + type.replace("\n", "\\n") + "\",\"data\":" + data + "}";
    }

    /** Records what a stream delivers; requests {@code initial} items up front. */
    private static final class Client extends BaseSubscriber<Event<String>> {

        final List<Event<String>> events = new CopyOnWriteArrayList<>();
        final CountDownLatch completed = new CountDownLatch(1);
        private final long initial;

        Client(long initial) {
            this.initial = initial;
        }

        static Client unbounded() {
            return new Client(Long.MAX_VALUE);
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            subscription.request(initial);
        }

        @Override
        protected void hookOnNext(Event<String> event) {
            events.add(event);
        }

        @Override
        protected void hookFinally(reactor.core.publisher.SignalType type) {
            completed.countDown();
        }

        List<Event<String>> awaitEvents(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (events.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            return events;
        }
    }
}
