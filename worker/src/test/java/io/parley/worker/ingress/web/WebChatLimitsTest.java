package io.parley.worker.ingress.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.WorkerClient.Reply;
import io.parley.worker.testing.WorkerTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Chat messages are limited per session and per client IP (429 with Retry-After). */
@MicronautTest(transactional = false)
class WebChatLimitsTest extends WorkerTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.rate-limits.chat-per-session-per-minute", "2",
                "parley.rate-limits.chat-per-ip-per-minute", "5");
    }

    @Test
    void aChattySessionIsThrottledThenTheIp() {
        Channels.Created web = channels().web();
        String session = WebChatTest.session();

        Reply first = send(web, session, "m-00000001");
        Reply second = send(web, session, "m-00000002");
        Reply third = send(web, session, "m-00000003");

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("Retry-After")).isNotBlank();
        assertThat(third.string("type")).isEqualTo("https://parley.dev/problems/rate-limited");
        assertThat(rows().events(web.id())).hasSize(2);

        assertThat(send(web, WebChatTest.session(), "m-00000004").status()).as("another session").isEqualTo(202);
        assertThat(send(web, WebChatTest.session(), "m-00000005").status()).as("fifth from this IP").isEqualTo(202);
        assertThat(send(web, WebChatTest.session(), "m-00000006").status()).as("sixth from this IP").isEqualTo(429);
    }

    private Reply send(Channels.Created web, String session, String messageId) {
        return http().post("chat/" + web.widgetKey() + "/messages",
                "{\"sessionId\":\"" + session + "\",\"clientMessageId\":\"" + messageId + "\",\"text\":\"hi\"}", Map.of());
    }
}
