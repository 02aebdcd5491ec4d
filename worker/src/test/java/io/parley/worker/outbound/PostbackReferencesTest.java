package io.parley.worker.outbound;

import io.parley.core.flow.Step;
import io.parley.core.tenancy.Ids;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PostbackReferencesTest {

    @Test
    void aReferenceFitsTelegramsCallbackDataAndNamesItsMessage() {
        UUID messageId = Ids.next();

        String reference = PostbackReferences.reference(messageId, 12);

        assertThat(reference).startsWith("pr:").endsWith(":12");
        assertThat(reference.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        assertThat(PostbackReferences.messageId(reference)).contains(messageId);
    }

    @Test
    void ordinaryPostbackDataIsNoReference() {
        assertThat(PostbackReferences.messageId("plan:pro")).isEmpty();
        assertThat(PostbackReferences.messageId("pr:short:1")).isEmpty();
        assertThat(PostbackReferences.messageId(null)).isEmpty();
    }

    @Test
    void onlyDataLongerThanTheLimitIsReplacedAndRemembered() {
        UUID messageId = Ids.next();
        String tooLong = "x".repeat(40) + "é".repeat(12); // 64 bytes in UTF-8, 52 characters
        String fits = "y".repeat(64);
        OutboundMessage message = new OutboundMessage(messageId, OutboundMessage.Kind.BUTTONS, "Pick", List.of(
                new Step.Button("A", fits), new Step.Button("B", tooLong + "z")), Step.Style.BUTTONS, null, null);
        Map<String, String> added = new HashMap<>();

        OutboundMessage shortened = PostbackReferences.shorten(message, 64, added);

        assertThat(shortened.buttons().getFirst().postback()).isEqualTo(fits);
        String reference = shortened.buttons().get(1).postback();
        assertThat(reference).isEqualTo(PostbackReferences.reference(messageId, 1));
        assertThat(added).isEqualTo(Map.of(reference, tooLong + "z"));
        assertThat(shortened.buttons().get(1).label()).isEqualTo("B");
    }
}
