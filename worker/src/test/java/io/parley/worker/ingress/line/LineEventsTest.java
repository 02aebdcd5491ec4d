package io.parley.worker.ingress.line;

import io.parley.core.message.EventAttributes;
import io.parley.core.message.InboundEvent;
import io.parley.core.message.InboundEvent.Type;
import io.parley.http.problem.ProblemException;
import io.parley.worker.testing.Payloads;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LINE webhook bodies (every fixture) → channel-neutral events. */
class LineEventsTest {

    private static final UUID CHANNEL = UUID.fromString("0190a1b2-0000-7000-8000-000000000001");

    private static List<InboundEvent> map(String fixture) {
        return LineEvents.map(CHANNEL, Payloads.fixture(fixture, LineWire.Callback.class));
    }

    @Test
    void mapsATextMessage() {
        InboundEvent event = map("line-webhook-text.json").getFirst();

        assertThat(event.type()).isEqualTo(Type.TEXT);
        assertThat(event.channelId()).isEqualTo(CHANNEL);
        assertThat(event.providerEventId()).isEqualTo("01KFAKE0000000000000000001");
        assertThat(event.externalUserId()).isEqualTo("Udeadbeefdeadbeefdeadbeefdeadbeef");
        assertThat(event.text()).isEqualTo("Hello こんにちは");
        assertThat(event.providerMessageId()).isEqualTo("600000000000000001");
        assertThat(event.replyToken()).isEqualTo("aaaabbbbccccddddeeeeffff00000001");
        assertThat(event.directChat()).isTrue();
        assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochMilli(1768469400000L));
        assertThat(event.attributes()).containsEntry(EventAttributes.QUOTE_TOKEN, "q3FakeQuoteToken0001")
                .doesNotContainKey(EventAttributes.REDELIVERY);
        assertThat(event.conversationKey()).isEqualTo("conv:" + CHANNEL + ":Udeadbeefdeadbeefdeadbeefdeadbeef");
    }

    @Test
    void aRedeliveryIsTheSameEventMarkedAsRedelivered() {
        InboundEvent original = map("line-webhook-text.json").getFirst();
        InboundEvent redelivered = map("line-webhook-text-redelivered.json").getFirst();

        assertThat(redelivered.providerEventId()).isEqualTo(original.providerEventId());
        assertThat(redelivered.text()).isEqualTo(original.text());
        assertThat(redelivered.attributes()).containsEntry(EventAttributes.REDELIVERY, "true");
    }

    @Test
    void mapsStickerImageFollowUnfollowAndPostback() {
        InboundEvent sticker = map("line-webhook-sticker.json").getFirst();
        assertThat(sticker.type()).isEqualTo(Type.STICKER);
        assertThat(sticker.attributes()).containsEntry(EventAttributes.STICKER_PACKAGE_ID, "11537")
                .containsEntry(EventAttributes.STICKER_ID, "52002738")
                .containsEntry(EventAttributes.STICKER_KEYWORDS, "hi,hello,wave");

        InboundEvent image = map("line-webhook-image.json").getFirst();
        assertThat(image.type()).isEqualTo(Type.IMAGE);
        assertThat(image.mediaId()).isEqualTo("600000000000000003");

        InboundEvent follow = map("line-webhook-follow.json").getFirst();
        assertThat(follow.type()).isEqualTo(Type.FOLLOW);
        assertThat(follow.replyToken()).isEqualTo("aaaabbbbccccddddeeeeffff00000004");
        assertThat(follow.attributes()).doesNotContainKey(EventAttributes.UNBLOCKED);

        InboundEvent unfollow = map("line-webhook-unfollow.json").getFirst();
        assertThat(unfollow.type()).isEqualTo(Type.UNFOLLOW);
        assertThat(unfollow.replyToken()).isNull();
        assertThat(unfollow.externalUserId()).isEqualTo("Ucafebabecafebabecafebabecafebabe");

        InboundEvent postback = map("line-webhook-postback.json").getFirst();
        assertThat(postback.type()).isEqualTo(Type.POSTBACK);
        assertThat(postback.postbackData()).isEqualTo("action=buy&itemId=123");
        assertThat(postback.attributes()).containsEntry("param.datetime", "2026-01-20T10:00");
    }

    @Test
    void mapsEveryEventOfAMultiEventBatchInOrder() {
        List<InboundEvent> events = map("line-webhook-multi-event.json");

        assertThat(events).extracting(InboundEvent::type).containsExactly(Type.TEXT, Type.FOLLOW, Type.UNFOLLOW);
        InboundEvent group = events.getFirst();
        assertThat(group.directChat()).isFalse();
        assertThat(group.attributes()).containsEntry(EventAttributes.SOURCE_TYPE, "group")
                .containsEntry(EventAttributes.GROUP_ID, "Cbadc0debadc0debadc0debadc0de0001");
        assertThat(events).extracting(InboundEvent::providerEventId)
                .containsExactly("01KFAKE0000000000000000007", "01KFAKE0000000000000000004", "01KFAKE0000000000000000005");
    }

    @Test
    void aGroupMessageBelongsToTheGroupSoTheGroupsMessagesShareOneSerialKey() {
        InboundEvent group = map("line-webhook-multi-event.json").getFirst();
        String otherMember = io.parley.core.testing.Fixtures.text("line-webhook-multi-event.json")
                .replace("Udeadbeefdeadbeefdeadbeefdeadbeef", "Ucafebabecafebabecafebabecafebabe");
        InboundEvent fromAnotherMember = LineEvents.map(CHANNEL, Payloads.parse(otherMember, LineWire.Callback.class))
                .getFirst();

        assertThat(group.externalUserId()).isEqualTo("Cbadc0debadc0debadc0debadc0de0001");
        assertThat(group.attributes()).containsEntry(EventAttributes.SPEAKER_ID, "Udeadbeefdeadbeefdeadbeefdeadbeef");
        assertThat(group.conversationKey()).isEqualTo("conv:" + CHANNEL + ":Cbadc0debadc0debadc0debadc0de0001")
                .isEqualTo(fromAnotherMember.conversationKey());
    }

    @Test
    void aRoomMessageWithoutItsMembersIdBelongsToTheRoom() {
        String room = fixtureText().replace("\"type\":\"user\",\"userId\":\"Udeadbeefdeadbeefdeadbeefdeadbeef\"",
                "\"type\":\"room\",\"roomId\":\"Rfacefacefacefacefacefacefaceface\"");

        InboundEvent event = LineEvents.map(CHANNEL, Payloads.parse(room, LineWire.Callback.class)).getFirst();

        assertThat(room).contains("Rfaceface");
        assertThat(event.externalUserId()).isEqualTo("Rfacefacefacefacefacefacefaceface");
        assertThat(event.directChat()).isFalse();
        assertThat(event.attributes()).doesNotContainKey(EventAttributes.SPEAKER_ID);
        assertThat(event.conversationKey()).endsWith(":Rfacefacefacefacefacefacefaceface");
    }

    @Test
    void theVerificationPingMapsToNothing() {
        assertThat(map("line-webhook-verify-empty.json")).isEmpty();
    }

    @Test
    void standbyEventsAreKeptWithoutTheirReplyToken() {
        String standby = fixtureText().replace("\"mode\":\"active\"", "\"mode\":\"standby\"");

        InboundEvent event = LineEvents.map(CHANNEL, Payloads.parse(standby, LineWire.Callback.class)).getFirst();

        assertThat(event.type()).isEqualTo(Type.TEXT);
        assertThat(event.replyToken()).isNull();
        assertThat(event.attributes()).containsEntry(EventAttributes.STANDBY, "true");
    }

    @Test
    void unknownEventAndMessageTypesAreUnknown() {
        String beacon = fixtureText().replace("\"type\":\"message\"", "\"type\":\"beacon\"");
        String poll = fixtureText().replace("\"type\":\"text\"", "\"type\":\"poll\"");

        InboundEvent unknownEvent = LineEvents.map(CHANNEL, Payloads.parse(beacon, LineWire.Callback.class)).getFirst();
        InboundEvent unknownMessage = LineEvents.map(CHANNEL, Payloads.parse(poll, LineWire.Callback.class)).getFirst();

        assertThat(unknownEvent.type()).isEqualTo(Type.UNKNOWN);
        assertThat(unknownEvent.attributes()).containsEntry(EventAttributes.PROVIDER_TYPE, "beacon");
        assertThat(unknownMessage.type()).isEqualTo(Type.UNKNOWN);
        assertThat(unknownMessage.attributes()).containsEntry(EventAttributes.PROVIDER_TYPE, "poll");
    }

    @Test
    void anEventWithoutWebhookEventIdIsMalformed() {
        String noId = fixtureText().replace("\"webhookEventId\":\"01KFAKE0000000000000000001\",", "");

        assertThatThrownBy(() -> LineEvents.map(CHANNEL, Payloads.parse(noId, LineWire.Callback.class)))
                .isInstanceOf(ProblemException.class).hasMessageContaining("webhookEventId");
    }

    private static String fixtureText() {
        return io.parley.core.testing.Fixtures.text("line-webhook-text.json");
    }
}
