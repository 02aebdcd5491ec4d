package io.parley.worker.outbound;

import io.micronaut.json.JsonMapper;
import io.parley.core.conversation.MessageRow;
import io.parley.core.flow.Step;
import io.parley.core.tenancy.Ids;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Message rows as the turn writes them: type + text, payload in the shape of the flow step. */
class OutboundMessageTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private static MessageRow row(String type, String text, String payload) {
        return new MessageRow(Ids.next(), Ids.next(), Ids.next(), "outbound", "bot", null, type, text, payload, null,
                "queued", null, Instant.now(), Instant.now());
    }

    @Test
    void readsButtonsFromAFlowStepsJson() throws Exception {
        String step = JSON.writeValueAsString(new Step.Buttons("Pick a plan",
                List.of(new Step.Button("Pro", "plan:pro")), Step.Style.QUICK_REPLIES));

        OutboundMessage message = OutboundMessage.of(row("buttons", "Pick a plan", step), JSON);

        assertThat(message.kind()).isEqualTo(OutboundMessage.Kind.BUTTONS);
        assertThat(message.buttons()).containsExactly(new Step.Button("Pro", "plan:pro"));
        assertThat(message.style()).isEqualTo(Step.Style.QUICK_REPLIES);
    }

    @Test
    void readsAnImageWithItsPreviewDefaultingToTheImage() {
        OutboundMessage message = OutboundMessage.of(row("image", null, "{\"url\": \"https://example.com/a.png\"}"), JSON);

        assertThat(message.kind()).isEqualTo(OutboundMessage.Kind.IMAGE);
        assertThat(message.previewUrl()).isEqualTo("https://example.com/a.png");
    }

    @Test
    void sendsOtherTypesWithTextAsText() {
        OutboundMessage message = OutboundMessage.of(row("limit_notice", "You have reached today's limit.", "{}"), JSON);

        assertThat(message.kind()).isEqualTo(OutboundMessage.Kind.TEXT);
    }

    @Test
    void refusesRowsWithNothingToSend() {
        assertThatThrownBy(() -> OutboundMessage.of(row("text", " ", "{}"), JSON)).hasMessage("the text message has no text");
        assertThatThrownBy(() -> OutboundMessage.of(row("buttons", "Pick", "{\"buttons\": [{\"label\": \"A\"}]}"), JSON))
                .hasMessage("a button needs a label and postback data");
    }
}
