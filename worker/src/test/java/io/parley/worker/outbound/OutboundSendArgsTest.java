package io.parley.worker.outbound;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply's send job records when its LINE reply token was issued, so that the queue takes it before jobs whose token
 * expired (docs/architecture/queue.md, "Reply deadlines"): a turn answered in time must not then wait for its send.
 */
class OutboundSendArgsTest {

    private final JsonMapper json = JsonMapper.createDefault();

    @Test
    void aReplysSendJobCarriesItsTokensTimeAndAPushSendsNone() {
        Instant received = Instant.parse("2026-12-07T10:00:00Z");

        var reply = new OutboundSendArgs(UUID.randomUUID(), List.of(UUID.randomUUID()), "rt-1", received)
                .job("conv:c:u:out", json);
        var push = new OutboundSendArgs(UUID.randomUUID(), List.of(UUID.randomUUID()), null, received)
                .job("conv:c:u:out", json);

        assertThat(reply.replyTokenAt()).isEqualTo(received);
        assertThat(push.replyTokenAt()).isNull();
    }
}
