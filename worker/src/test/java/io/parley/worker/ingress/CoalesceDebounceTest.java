package io.parley.worker.ingress;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.message.InboundEvent;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.WorkerTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code parley.turn.coalesce-debounce}: the turn of a text or sticker is due that long after the webhook (by the
 * database clock), so messages the contact types right after it are waiting when it runs and are answered with it
 * (docs/conversation-turn.md). Button presses are not held back.
 */
@MicronautTest(transactional = false)
class CoalesceDebounceTest extends WorkerTest {

    @Inject
    InboundEventStore store;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.turn.coalesce-debounce", "7s");
    }

    @Test
    void aTextsTurnIsDueAfterTheDebounceAndAButtonPressAtOnce() {
        Channels.Created channel = channels().line();
        store.store(channel.tenant(), event(channel, "text-1", InboundEvent.Type.TEXT));
        store.store(channel.tenant(), event(channel, "postback-1", InboundEvent.Type.POSTBACK));

        List<Map<String, Object>> delays = rows().query("""
                SELECT e.provider_event_id AS event,
                       CAST(extract(epoch FROM j.scheduled_at - j.created_at) AS integer) AS delay
                FROM jobs j JOIN inbound_events e ON e.tenant_id = j.tenant_id
                  AND CAST(j.args ->> 'eventId' AS uuid) = e.id
                WHERE j.tenant_id = ? ORDER BY j.id""", channel.tenant().value());

        assertThat(delays).extracting(row -> row.get("event") + "=" + row.get("delay"))
                .containsExactly("text-1=7", "postback-1=0");
    }

    private static InboundEvent event(Channels.Created channel, String providerEventId, InboundEvent.Type type) {
        return new InboundEvent(channel.id(), providerEventId, type, "U1", null,
                type == InboundEvent.Type.TEXT ? "hi" : null, type == InboundEvent.Type.POSTBACK ? "menu" : null,
                null, null, "rt-" + providerEventId, null, true, Instant.now(), null);
    }
}
