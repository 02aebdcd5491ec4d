package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.contact.ContactIdentityRow;
import io.parley.core.conversation.MessageRow;
import io.parley.core.message.EventAttributes;
import io.parley.core.message.InboundEvent;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobDiscard;
import io.parley.core.tenancy.Ids;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Delivery statuses, unfollow, blocked contacts, malformed jobs and chats that change their id. */
@MicronautTest(transactional = false)
class EventKindsTest extends TurnTest {

    private InboundEvent status(World world, String providerMessageId, String status) {
        return new InboundEvent(world.channel(), providerMessageId + ":" + status, InboundEvent.Type.STATUS, "15551234567",
                null, null, null, null, null, null,
                new InboundEvent.StatusUpdate(providerMessageId, status, "failed".equals(status) ? "131047" : null,
                        "failed".equals(status) ? "Re-engagement message" : null),
                true, Instant.now(), null);
    }

    /** A bot reply the sender has sent, as WhatsApp message {@code wamid}. */
    private MessageRow sentReply(World world, String wamid) {
        UUID inbound = say(world, "15551234567", "hi");
        MessageRow reply = repliesTo(world, inbound).getFirst();
        scope.writeVoid(world.tenant(), () -> messages.markSent(world.tenant().value(), reply.id(), wamid));
        return reply;
    }

    @Test
    void deliveryStatusesMoveAMessageForwardOnly() {
        World world = world(BotSpec.demo(), "whatsapp");
        MessageRow reply = sentReply(world, "wamid.OUT1");

        try (EventTap events = EventTap.open()) {
            turn(world, status(world, "wamid.OUT1", "read"));
            turn(world, status(world, "wamid.OUT1", "delivered"));
            assertThat(events.types(world.tenant())).containsExactly("message.status");
        }

        assertThat(scope.read(world.tenant(), () -> messages.find(world.tenant().value(), reply.id())).orElseThrow()
                .status()).isEqualTo("read");
    }

    @Test
    void aFailedStatusKeepsItsReason() {
        World world = world(BotSpec.demo(), "whatsapp");
        MessageRow reply = sentReply(world, "wamid.OUT2");

        turn(world, status(world, "wamid.OUT2", "failed"));

        MessageRow failed = scope.read(world.tenant(), () -> messages.find(world.tenant().value(), reply.id()))
                .orElseThrow();
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.statusDetail()).isEqualTo("131047: Re-engagement message");
    }

    @Test
    void anUnfollowMarksTheContactAndSendsNothing() {
        World world = world(BotSpec.demo(), "line");
        UUID inbound = say(world, "U1", "hi");

        turn(world, event(world, InboundEvent.Type.UNFOLLOW, "U1", null, null, null));

        List<ContactIdentityRow> identities = scope.read(world.tenant(), () -> contacts.identities(
                world.tenant().value(), List.of(contactOf(world, inbound).id())));
        assertThat(identities).singleElement().satisfies(identity -> assertThat(identity.following()).isFalse());
        assertThat(sendJobs(world)).hasSize(1);
    }

    @Test
    void aBlockedContactsMessagesAreDropped() {
        World world = world(BotSpec.demo(), "line");
        UUID first = say(world, "U1", "hi");
        var contact = contactOf(world, first);
        scope.writeVoid(world.tenant(), () -> contacts.update(world.tenant().value(), contact.id(),
                contact.displayName(), contact.attributes(), contact.tier(), true, null));

        UUID blocked = say(world, "U1", "spam");

        assertThat(scope.read(world.tenant(), () -> messages.find(world.tenant().value(), blocked))).isEmpty();
        assertThat(sendJobs(world)).hasSize(1);
    }

    @Test
    void aJobWithoutAnEventIdIsDiscardedAndAMissingEventIsNothingToDo() {
        World world = world(BotSpec.demo(), "line");

        assertThatThrownBy(() -> handler.run(new Job(1, world.tenant(), "inbound.turn", "{}", 1, 10)))
                .isInstanceOf(JobDiscard.class);
        run(world, Ids.next());
        assertThat(sendJobs(world)).isEmpty();
    }

    @Test
    void aTelegramGroupUpgradedToASupergroupKeepsItsConversationAtTheNewChatId() {
        World world = world(BotSpec.demo(), "telegram");
        UUID before = say(world, "-4000000001", "hello group");
        turn(world, upgrade(world)); // "migrate_to_chat_id" in the old group
        turn(world, upgrade(world)); // "migrate_from_chat_id" in the supergroup: changes nothing more
        UUID after = say(world, "-1001000000001", "hello supergroup");

        assertThat(conversation(world, after).id()).isEqualTo(conversation(world, before).id());
        assertThat(replyTexts(world, after)).isNotEmpty();
        assertThat(scope.read(world.tenant(), () -> contacts.identities(world.tenant().value(),
                List.of(contactOf(world, after).id())))).singleElement()
                .satisfies(identity -> assertThat(identity.externalUserId()).isEqualTo("-1001000000001"));
    }

    /** A Telegram group's upgrade, as TelegramEvents maps either of its two service messages. */
    private static InboundEvent upgrade(World world) {
        return new InboundEvent(world.channel(), "ev-" + UUID.randomUUID(), InboundEvent.Type.UNKNOWN, "-1001000000001",
                "Support group", null, null, null, null, null, null, false, Instant.now(),
                Map.of(EventAttributes.MIGRATED_FROM_CHAT, "-4000000001", EventAttributes.CHAT_ID, "-1001000000001",
                        EventAttributes.PROVIDER_TYPE, "migrate"));
    }
}
