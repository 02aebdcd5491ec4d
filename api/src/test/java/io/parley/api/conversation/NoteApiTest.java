package io.parley.api.conversation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Private notes: members write them to each other; they are never a message (never sent, never to the bot). */
@MicronautTest(transactional = false)
class NoteApiTest extends InboxTest {

    @Test
    void anAgentsNoteIsListedForTheTeamButIsNeverAMessageNorQueuedForSending() {
        Session owner = api().signup("Notes Co");
        Session agent = new Teams(api()).addMember(owner, "agent");
        Session viewer = new Teams(api()).addMember(owner, "viewer");
        String conversation = conversation(channel(owner.tenantId()), "n", "N", "I was charged twice");
        String path = "/api/v1/conversations/" + conversation;

        Reply created = api().post(path + "/notes", agent.accessToken(), Map.of("text", "VIP: refund approved"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body()).containsEntry("conversationId", conversation)
                .containsEntry("authorId", agent.userId()).containsEntry("text", "VIP: refund approved");
        assertThat(api().get(path + "/notes", viewer.accessToken()).items()).extracting(note -> note.get("text"))
                .containsExactly("VIP: refund approved");
        assertThat(api().get(path + "/messages", owner.accessToken()).items()).extracting(m -> m.get("text"))
                .containsExactly("I was charged twice");
        assertThat(api().get(path, owner.accessToken()).string("lastMessage.text")).isEqualTo("I was charged twice");
        assertThat(sendJobs(owner.tenantId())).as("nothing queued for sending").isZero();
    }

    @Test
    void viewersCannotWriteNotesAndBlankNotesAreRefused() {
        Session owner = api().signup("Notes Rules Co");
        Session viewer = new Teams(api()).addMember(owner, "viewer");
        String path = "/api/v1/conversations/" + conversation(channel(owner.tenantId()), "v", "V", "hi") + "/notes";

        assertProblem(api().post(path, viewer.accessToken(), Map.of("text", "hello")), 403, "forbidden");
        assertFieldError(api().post(path, owner.accessToken(), Map.of("text", "  ")), "text");
        assertThat(api().get(path, owner.accessToken()).items()).isEmpty();
    }

    private long sendJobs(String tenantId) {
        try (var connection = superuser();
             var statement = connection.prepareStatement("SELECT count(*) FROM jobs WHERE kind = 'outbound.send' "
                     + "AND tenant_id = ?")) {
            statement.setObject(1, java.util.UUID.fromString(tenantId));
            var rows = statement.executeQuery();
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
