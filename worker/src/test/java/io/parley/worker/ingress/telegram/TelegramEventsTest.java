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

    /** A message in a basic group, as the Bot API sends it (chat ids of groups are negative). */
    private static final String GROUP_MESSAGE = """
            {"update_id":900000101,"message":{"message_id":7,
             "from":{"id":100000001,"is_bot":false,"first_name":"Test","last_name":"User","language_code":"en"},
             "chat":{"id":-4000000001,"title":"Support group","type":"group","all_members_are_administrators":true},
             "date":1768469500,"text":"hello group"}}""";
    /** The service message in the old group when an admin upgrades it to a supergroup. */
    private static final String MIGRATE_TO = """
            {"update_id":900000102,"message":{"message_id":8,
             "from":{"id":100000001,"is_bot":false,"first_name":"Test","last_name":"User","language_code":"en"},
             "chat":{"id":-4000000001,"title":"Support group","type":"group","all_members_are_administrators":true},
             "date":1768469560,"migrate_to_chat_id":-1001000000001}}""";
    /** The service message that opens the supergroup. */
    private static final String MIGRATE_FROM = """
            {"update_id":900000103,"message":{"message_id":1,
             "from":{"id":1087968824,"is_bot":true,"first_name":"Group","username":"GroupAnonymousBot"},
             "sender_chat":{"id":-1001000000001,"title":"Support group","type":"supergroup"},
             "chat":{"id":-1001000000001,"title":"Support group","type":"supergroup"},
             "date":1768469560,"migrate_from_chat_id":-4000000001}}""";

    private static InboundEvent parse(String update) {
        return TelegramEvents.map(CHANNEL, Payloads.parse(update, TelegramWire.Update.class), RECEIVED);
    }

    @Test
    void aGroupMessageBelongsToTheGroupAndKeepsWhoWroteIt() {
        InboundEvent event = parse(GROUP_MESSAGE);

        assertThat(event.type()).isEqualTo(Type.TEXT);
        assertThat(event.externalUserId()).isEqualTo("-4000000001");
        assertThat(event.displayName()).isEqualTo("Support group");
        assertThat(event.directChat()).isFalse();
        assertThat(event.attributes()).containsEntry(EventAttributes.SPEAKER_ID, "100000001")
                .containsEntry(EventAttributes.CHAT_ID, "-4000000001");
    }

    @Test
    void bothMessagesOfAGroupsUpgradeMoveItsConversationToTheSupergroup() {
        for (String update : new String[] {MIGRATE_TO, MIGRATE_FROM}) {
            InboundEvent event = parse(update);

            assertThat(event.type()).isEqualTo(Type.UNKNOWN);
            assertThat(event.externalUserId()).isEqualTo("-1001000000001");
            assertThat(event.attributes()).containsEntry(EventAttributes.MIGRATED_FROM_CHAT, "-4000000001")
                    .containsEntry(EventAttributes.CHAT_ID, "-1001000000001")
                    .containsEntry(EventAttributes.PROVIDER_TYPE, "migrate");
            assertThat(event.conversationKey()).isEqualTo(parse(GROUP_MESSAGE.replace("-4000000001", "-1001000000001")
                    .replace("\"group\"", "\"supergroup\"")).conversationKey());
        }
    }
}
