package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.contact.ContactRow;
import io.parley.core.message.InboundEvent;
import io.parley.core.privacy.ContactErasure;
import io.parley.core.privacy.ErasureRepository;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** After a contact is erased, only the person writing again brings them back (docs/privacy.md). */
@MicronautTest(transactional = false)
class ErasedIdentityTurnTest extends TurnTest {

    @Inject
    ContactErasure erasure;
    @Inject
    ErasureRepository erasures;
    @Inject
    TurnRepository turnEvents;

    @Test
    void aLateRedeliveryOfAMessageFromBeforeTheErasureDoesNotRecreateThePerson() {
        World world = world(BotSpec.demo(), "line");
        Instant written = Instant.now().minusSeconds(30);
        ContactRow erased = contactOf(world, say(world, "U-erased", "hello"));
        erase(world, erased);

        UUID late = turn(world, text(world, "U-erased", "hello again?", written));

        assertThat(contact(world, "U-erased")).isEmpty();
        assertThat(storedEvent(world, late)).as("the late event is not kept either").isFalse();
        assertThat(erasures(world, "U-erased")).isPresent();
    }

    @Test
    void aFollowOrAStatusAfterTheErasureDoesNotRecreateThePersonEither() {
        World world = world(BotSpec.demo(), "line");
        erase(world, contactOf(world, say(world, "U-follow", "hi")));

        UUID follow = turn(world, event(world, InboundEvent.Type.FOLLOW, "U-follow", null, null, "rt-1"));

        assertThat(contact(world, "U-follow")).isEmpty();
        assertThat(storedEvent(world, follow)).isFalse();
    }

    @Test
    void aMessageWrittenAfterTheErasureIsANewContact() {
        World world = world(BotSpec.demo(), "line");
        ContactRow erased = contactOf(world, say(world, "U-back", "hi"));
        erase(world, erased);

        UUID again = turn(world, text(world, "U-back", "I am back", Instant.now().plusSeconds(1)));

        ContactRow back = contact(world, "U-back").orElseThrow();
        assertThat(back.id()).isNotEqualTo(erased.id());
        assertThat(replyTexts(world, again)).isNotEmpty();
        assertThat(erasures(world, "U-back")).as("the tombstone goes when they write again").isEmpty();
    }

    @Test
    void anotherIdentityOnTheSameChannelIsNotAffected() {
        World world = world(BotSpec.demo(), "line");
        erase(world, contactOf(world, say(world, "U-gone", "hi")));

        say(world, "U-other", "hello");

        assertThat(contact(world, "U-other")).isPresent();
    }

    private void erase(World world, ContactRow contact) {
        scope.writeVoid(world.tenant(), () -> assertThat(erasure.erase(world.tenant(), contact.id())).isNotEmpty());
    }

    private static InboundEvent text(World world, String user, String text, Instant occurredAt) {
        return new InboundEvent(world.channel(), "ev-" + UUID.randomUUID(), InboundEvent.Type.TEXT, user, "Mei Lin",
                text, null, null, "pm-" + UUID.randomUUID(), "rt-" + UUID.randomUUID(), null, true, occurredAt, null);
    }

    private Optional<ContactRow> contact(World world, String user) {
        return scope.read(world.tenant(), () -> contacts.findByIdentity(world.tenant().value(), world.channel(), user));
    }

    private boolean storedEvent(World world, UUID eventId) {
        return scope.read(world.tenant(), () -> turnEvents.find(world.tenant().value(), eventId).isPresent());
    }

    private Optional<Instant> erasures(World world, String user) {
        return scope.read(world.tenant(), () -> erasures.erasedAt(world.tenant().value(), world.channel(), user));
    }
}
