package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.contact.ContactIdentityRow;
import io.parley.core.conversation.MessageRow;
import io.parley.core.message.InboundEvent;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobDiscard;
import io.parley.core.tenancy.Ids;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Delivery statuses, unfollow, blocked contacts and malformed jobs. */
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
}
