package io.parley.worker.outbound;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.channel.ChannelType;
import io.parley.core.tenancy.Ids;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Live sends go through the same rate governor as broadcasts (docs/broadcasts.md "Rate governor"). */
@MicronautTest(transactional = false)
class OutboundPacingTest extends OutboundTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(super.getProperties());
        properties.put("parley.outbound.rates.telegram-chat-burst", "2");
        return properties;
    }

    @Test
    void aTelegramChatGetsAtMostOneMessageASecondAfterAShortBurst() throws Exception {
        Chat chat = chat(ChannelType.TELEGRAM, Map.of("botToken", "123:pacing-" + Ids.next()), "4242");
        List<UUID> queued = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            queued.add(queueText(chat, "message " + i));
        }

        long start = System.nanoTime();
        send(chat, queued);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(queued).allSatisfy(id -> assertThat(message(chat, id).status()).isEqualTo("sent"));
        assertThat(seconds).isGreaterThan(1.8); // 2 at once (the burst), then 1 a second
    }
}
