package io.parley.worker.ingress;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.message.InboundEvent;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.WorkerTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook's turn job records when its LINE reply token was issued (the event's timestamp), so that under a backlog
 * the queue takes turns whose token is still fresh first (docs/architecture/queue.md, "Reply deadlines"); an event
 * without a token records nothing.
 */
@MicronautTest(transactional = false)
class ReplyTokenJobTest extends WorkerTest {

    @Inject
    InboundEventStore store;

    @Test
    void aTurnJobCarriesItsReplyTokensTimeAndAnEventWithoutATokenNone() {
        Channels.Created channel = channels().line();
        Instant issued = Instant.now().minusSeconds(12).truncatedTo(ChronoUnit.MILLIS);
        store.store(channel.tenant(), event(channel, "with-token", "rt-1", issued));
        store.store(channel.tenant(), event(channel, "without-token", null, issued));

        List<Map<String, Object>> jobs = rows().query("""
                SELECT e.provider_event_id AS event, j.reply_token_at AS token_at
                FROM jobs j JOIN inbound_events e ON e.tenant_id = j.tenant_id
                  AND CAST(j.args ->> 'eventId' AS uuid) = e.id
                WHERE j.tenant_id = ? ORDER BY j.id""", channel.tenant().value());

        assertThat(jobs).hasSize(2);
        assertThat(instant(jobs.get(0).get("token_at"))).isEqualTo(issued);
        assertThat(jobs.get(1).get("token_at")).isNull();
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }

    private static InboundEvent event(Channels.Created channel, String providerEventId, String replyToken,
                                      Instant occurredAt) {
        return new InboundEvent(channel.id(), providerEventId, InboundEvent.Type.TEXT, "U1", null, "hi", null,
                null, null, replyToken, null, true, occurredAt, null);
    }
}
