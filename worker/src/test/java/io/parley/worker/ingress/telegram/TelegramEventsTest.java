package io.parley.worker.ingress.telegram;

import io.parley.core.message.EventAttributes;
import io.parley.core.message.InboundEvent;
import io.parley.core.message.InboundEvent.Type;
import io.parley.http.problem.ProblemException;
import io.parley.worker.testing.Payloads;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Telegram updates (every fixture) → channel-neutral events. */
class TelegramEventsTest {

    private static final UUID CHANNEL = UUID.fromString("0190a1b2-0000-7000-8000-000000000003");
    private static final Instant RECEIVED = Instant.parse("2026-01-15T10:00:00Z");

    private static InboundEvent map(String fixture) {
        return TelegramEvents.map(CHANNEL, Payloads.fixture(fixture, TelegramWire.Update.class), RECEIVED);
    }

    @Test
    void mapsATextMessage() {
        InboundEvent event = map("telegram-update-message-text.json");

        assertThat(event.type()).isEqualTo(Type.TEXT);
        assertThat(event.providerEventId()).isEqualTo("900000001");
        assertThat(event.externalUserId()).isEqualTo("100000001");
        assertThat(event.displayName()).isEqualTo("Test User");
        assertThat(event.text()).isEqualTo("Hello bot");
        assertThat(event.providerMessageId()).isEqualTo("42");
        assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochSecond(1768469400L));
        assertThat(event.directChat()).isTrue();
        assertThat(event.attributes()).containsEntry(EventAttributes.CHAT_ID, "100000001")
                .containsEntry(EventAttributes.USERNAME, "test_user_fake").containsEntry(EventAttributes.LANGUAGE, "en");
    }

    @Test
    void startIsTheTelegramFollowWithItsDeepLinkParameter() {
        InboundEvent event = map("telegram-update-command-start.json");

        assertThat(event.type()).isEqualTo(Type.FOLLOW);
        assertThat(event.text()).isEqualTo("/start ref_tenant42");
        assertThat(event.attributes()).containsEntry(EventAttributes.START_PARAMETER, "ref_tenant42");
    }

    @Test
    void aCallbackQueryIsAPostback() {
        InboundEvent event = map("telegram-update-callback-query.json");

        assertThat(event.type()).isEqualTo(Type.POSTBACK);
        assertThat(event.postbackData()).isEqualTo("plan:pro");
        assertThat(event.externalUserId()).isEqualTo("100000001");
        assertThat(event.occurredAt()).isEqualTo(RECEIVED);
        assertThat(event.attributes()).containsEntry(EventAttributes.CALLBACK_QUERY_ID, "4382bfdwdsb323b2d9")
                .containsEntry(EventAttributes.CHAT_ID, "100000001");
    }

    @Test
    void blockingTheBotIsAnUnfollow() {
        InboundEvent event = map("telegram-update-my-chat-member-blocked.json");

        assertThat(event.type()).isEqualTo(Type.UNFOLLOW);
        assertThat(event.externalUserId()).isEqualTo("100000001");
        assertThat(event.providerEventId()).isEqualTo("900000004");
    }

    @Test
    void unknownUpdatesAreUnknownAndUpdatesWithoutIdAreMalformed() {
        InboundEvent poll = TelegramEvents.map(CHANNEL,
                Payloads.parse("{\"update_id\":900000009,\"poll\":{\"id\":\"1\"}}", TelegramWire.Update.class), RECEIVED);

        assertThat(poll.type()).isEqualTo(Type.UNKNOWN);
        assertThatThrownBy(() -> TelegramEvents.map(CHANNEL,
                Payloads.parse("{\"message\":{\"text\":\"hi\"}}", TelegramWire.Update.class), RECEIVED))
                .isInstanceOf(ProblemException.class).hasMessageContaining("update_id");
    }
}
