package io.parley.worker.ingress;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.testing.Fixtures;
import io.parley.worker.testing.WorkerClient.Reply;
import io.parley.worker.testing.WorkerTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** With the database unreachable nothing can be made durable: 503 with Retry-After, so providers retry. */
@MicronautTest(transactional = false)
class DatabaseDownTest extends WorkerTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("datasources.default.url", "jdbc:postgresql://127.0.0.1:9/unreachable",
                "datasources.default.initialization-fail-timeout", "-1",
                "datasources.default.connection-timeout", "1000",
                "flyway.datasources.migrations.enabled", "false");
    }

    @Test
    void webhooksAndChatMessagesAreUnavailableNotFailed() {
        String channel = UUID.randomUUID().toString();
        Reply line = http().post("webhooks/line/" + channel, Fixtures.bytes("line-webhook-text.json"),
                Map.of("x-line-signature", "Yg8kDurb42yK9/H5HOWd960/nMK6i+qG26T9Ir2almk="));
        Reply telegram = http().post("webhooks/telegram/" + channel, Fixtures.bytes("telegram-update-message-text.json"),
                Map.of("X-Telegram-Bot-Api-Secret-Token", "fake_tg_secret-tenant_42-0001"));
        Reply chat = http().post("chat/pwk_any/messages",
                "{\"sessionId\":\"s_0123456789abcdef\",\"clientMessageId\":\"m-00000001\",\"text\":\"hi\"}", Map.of());

        for (Reply reply : List.of(line, telegram, chat)) {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.header("Retry-After")).isEqualTo("5");
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.string("type")).isEqualTo("https://parley.dev/problems/unavailable");
            assertThat(reply.text()).doesNotContain("jdbc:").doesNotContain("Exception");
        }
    }
}
