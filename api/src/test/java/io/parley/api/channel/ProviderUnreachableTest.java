package io.parley.api.channel;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every provider URL points at a port nobody listens on: verify answers 502 and logs no token. */
@MicronautTest(transactional = false)
class ProviderUnreachableTest extends ApiTest {

    @Override
    protected Map<String, String> extraProperties() {
        String closed = "http://127.0.0.1:" + closedPort();
        return Map.of("parley.providers.line-api-url", closed, "parley.providers.whatsapp-api-url", closed,
                "parley.providers.telegram-api-url", closed);
    }

    @Test
    void anUnreachableProviderIsA502AndTheTokenIsNeverLogged() {
        Workspace shop = Workspace.create(api(), "Unreachable Co");
        Map<String, String> telegram = Workspace.telegramCredentials();
        String telegramId = shop.connected("telegram", telegram);
        String lineId = shop.connected("line", Workspace.lineCredentials());
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        Reply telegramReply;
        Reply lineReply;
        try {
            telegramReply = shop.verify(telegramId);
            lineReply = shop.verify(lineId);
        } finally {
            root.detachAppender(logs);
        }

        assertThat(telegramReply.status()).isEqualTo(502);
        assertThat(telegramReply.string("type")).isEqualTo("https://parley.dev/problems/provider-unreachable");
        assertThat(telegramReply.string("detail")).startsWith("Telegram could not be reached");
        assertThat(lineReply.status()).isEqualTo(502);
        assertThat(lineReply.string("detail")).startsWith("LINE could not be reached");
        assertThat(telegramReply.text()).doesNotContain(telegram.get("botToken"));
        assertThat(logs.list).isNotEmpty();
        String token = telegram.get("botToken");
        for (ILoggingEvent event : logs.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(token).doesNotContain(token.substring(token.indexOf(':')));
            if (event.getThrowableProxy() != null) {
                assertThat(ThrowableProxyUtil.asString(event.getThrowableProxy())).doesNotContain(token);
            }
        }
        assertThat(api().get(shop.channel(telegramId), shop.owner().accessToken()).string("health"))
                .isEqualTo("unverified");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
