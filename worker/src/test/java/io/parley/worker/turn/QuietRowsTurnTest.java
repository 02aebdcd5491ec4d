package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.worker.testing.Rows;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A turn writes only rows that change (bench/README.md, "Turn cost"): a known contact who writes again, following
 * already, keeps its contact and identity rows as they are — same row version ({@code xmin}), no WAL — while what
 * does change (a contact not seen for over a minute, an identity marked unfollowed) is still written.
 */
@MicronautTest(transactional = false)
class QuietRowsTurnTest extends TurnTest {

    private final Rows rows = new Rows();

    @Test
    void aKnownContactWritingAgainLeavesItsContactAndIdentityRowsUntouched() {
        World world = world(BotSpec.demo(), "line");
        UUID contact = contactOf(world, say(world, "Uquiet1", "hi")).id();
        Map<String, Object> before = versions(contact);

        say(world, "Uquiet1", "hello again");

        assertThat(versions(contact)).isEqualTo(before);
    }

    @Test
    void aContactLastSeenOverAMinuteAgoIsSeenAgain() {
        World world = world(BotSpec.demo(), "line");
        UUID contact = contactOf(world, say(world, "Uquiet2", "hi")).id();
        rows.query("UPDATE contacts SET last_seen_at = now() - interval '2 minutes' WHERE id = ? RETURNING id",
                contact);
        Instant stale = lastSeen(contact);

        say(world, "Uquiet2", "back again");

        assertThat(lastSeen(contact)).isAfter(stale.plusSeconds(60));
    }

    @Test
    void anUnfollowedIdentityWritingAgainIsFollowingAgain() {
        World world = world(BotSpec.demo(), "line");
        UUID contact = contactOf(world, say(world, "Uquiet3", "hi")).id();
        rows.query("UPDATE contact_identities SET following = false WHERE contact_id = ? RETURNING id", contact);

        say(world, "Uquiet3", "I unblocked you");

        assertThat(rows.query("SELECT following FROM contact_identities WHERE contact_id = ?", contact))
                .singleElement().satisfies(row -> assertThat(row.get("following")).isEqualTo(true));
    }

    /** The row versions of the contact and its identity. */
    private Map<String, Object> versions(UUID contact) {
        return rows.query("""
                SELECT CAST(c.xmin AS text) AS contact, CAST(i.xmin AS text) AS identity
                FROM contacts c JOIN contact_identities i ON i.contact_id = c.id WHERE c.id = ?""", contact).getFirst();
    }

    private Instant lastSeen(UUID contact) {
        return ((Timestamp) rows.query("SELECT last_seen_at FROM contacts WHERE id = ?", contact).getFirst()
                .get("last_seen_at")).toInstant();
    }
}
