package io.parley.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LineWebhooksTest {

    private static final Path FIXTURES = Path.of("../core/src/test/resources/protocols/fixtures");

    @Test
    void signsTheFixtureBodyWithTheVectorOfSignaturesMd() throws Exception {
        byte[] body = Files.readAllBytes(FIXTURES.resolve("line-webhook-text.json"));

        String signature = new LineWebhooks(Admin.CHANNEL_SECRET, "t").sign(body);

        assertThat(signature).isEqualTo("Yg8kDurb42yK9/H5HOWd960/nMK6i+qG26T9Ir2almk=");
    }

    @Test
    void replyTokensCarryPhaseAndSequenceBackToTheFakeLine() {
        String token = LineWebhooks.replyToken(12, 345_678);

        assertThat(token).hasSize(32);
        assertThat(LineWebhooks.parseToken(token)).containsExactly(12, 345_678);
        assertThat(LineWebhooks.parseToken("aaaabbbbccccddddeeeeffff00000001")).isNull();
    }

    @Test
    void bodiesAreLineTextEventsFromTheirContactWithTheirToken() {
        String body = new String(new LineWebhooks(Admin.CHANNEL_SECRET, "run1").body(3, 42, 7), StandardCharsets.UTF_8);

        assertThat(JsonField.text(body, "userId")).isEqualTo(LineWebhooks.userId(7));
        assertThat(JsonField.text(body, "replyToken")).isEqualTo(LineWebhooks.replyToken(3, 42));
        assertThat(JsonField.text(body, "webhookEventId")).isEqualTo("01run1P3S42");
        assertThat(JsonField.text(body, "type")).isEqualTo("message");
    }
}
