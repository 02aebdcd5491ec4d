package io.parley.api.conversation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed delivery is visible on its message and can be sent again by an agent. */
@MicronautTest(transactional = false)
class DeliveryRetryTest extends InboxTest {

    @Test
    void anAgentSendsAFailedBotReplyAgainThroughANewSendJob() throws Exception {
        Session owner = api().signup("Retry Co");
        Session agent = new Teams(api()).addMember(owner, "agent");
        Channel web = channel(owner.tenantId());
        String conversation = conversation(web, "visitor-7", "Visitor", "Where is my order?");
        String reply = failedBotReply(owner, conversation, "It left today.", "provider said 500");
        String path = "/api/v1/conversations/" + conversation + "/messages/" + reply + "/retry";

        Reply before = api().get("/api/v1/conversations/" + conversation + "/messages?limit=1", owner.accessToken());
        assertThat(before.items().getFirst()).containsEntry("status", "failed")
                .containsEntry("statusDetail", "provider said 500");
        Reply retried = api().post(path, agent.accessToken(), Map.of());

        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        assertThat(retried.body()).containsEntry("id", reply).containsEntry("status", "queued")
                .containsEntry("statusDetail", null);
        assertThat(sendJobsFor(reply)).singleElement().satisfies(job -> {
            assertThat(job).containsEntry("state", "available")
                    .containsEntry("serial_key", "conv:" + web.channelId() + ":visitor-7:out");
            assertThat(job.get("args").toString()).contains(reply).contains(conversation);
        });
        assertProblem(api().post(path, agent.accessToken(), Map.of()), 409, "conflict");
        assertThat(sendJobsFor(reply)).hasSize(1);
    }

    @Test
    void onlyFailedOutboundMessagesOfThatConversationAndOnlyAgentsAndAbove() {
        Session owner = api().signup("Retry Rules Co");
        Session viewer = new Teams(api()).addMember(owner, "viewer");
        Channel web = channel(owner.tenantId());
        String conversation = conversation(web, "a", "A", "hello");
        String other = conversation(web, "b", "B", "hello too");
        String failed = failedBotReply(owner, conversation, "Answer", "gave up after 8 attempts");
        String sent = botReply(owner.tenantId(), conversation, "Delivered fine");
        String inbound = inbound(owner.tenantId(), conversation, "thanks");
        String base = "/api/v1/conversations/";

        assertProblem(api().post(base + conversation + "/messages/" + sent + "/retry", owner.accessToken(), Map.of()),
                409, "conflict");
        assertProblem(api().post(base + conversation + "/messages/" + inbound + "/retry", owner.accessToken(),
                Map.of()), 404, "not-found");
        assertProblem(api().post(base + other + "/messages/" + failed + "/retry", owner.accessToken(), Map.of()),
                404, "not-found");
        assertProblem(api().post(base + conversation + "/messages/42/retry", owner.accessToken(), Map.of()),
                404, "not-found");
        assertProblem(api().post(base + conversation + "/messages/" + failed + "/retry", viewer.accessToken(),
                Map.of()), 403, "forbidden");
    }

    @Test
    void anotherTenantsFailedMessageIsNotFound() {
        Session ownerA = api().signup("Retry A");
        Session ownerB = api().signup("Retry B");
        String keyA = api().post("/api/v1/api-keys", ownerA.accessToken(), Map.of("name", "a", "role", "admin"))
                .string("key");
        String conversationB = conversation(channel(ownerB.tenantId()), "b", "B", "hi");
        String failedB = failedBotReply(ownerB, conversationB, "Answer", "refused");

        for (String credential : new String[]{ownerA.accessToken(), keyA}) {
            assertProblem(api().post("/api/v1/conversations/" + conversationB + "/messages/" + failedB + "/retry",
                    credential, Map.of()), 404, "not-found");
        }
        assertThat(api().get("/api/v1/conversations/" + conversationB + "/messages?limit=1", ownerB.accessToken())
                .items().getFirst()).containsEntry("status", "failed");
    }

    /** A bot reply the send job gave up on, as the worker leaves it (status failed with a reason, handed over once). */
    private String failedBotReply(Session owner, String conversation, String text, String reason) {
        String id = botReply(owner.tenantId(), conversation, text);
        superuserUpdate("UPDATE messages SET status = 'failed', status_detail = ?, handover_attempt = 3 WHERE id = ?",
                reason, UUID.fromString(id));
        return id;
    }

    private static List<Map<String, Object>> sendJobsFor(String messageId) throws Exception {
        try (Connection connection = superuser();
             PreparedStatement statement = connection.prepareStatement("SELECT state, serial_key, args::text AS args "
                     + "FROM jobs WHERE kind = 'outbound.send' AND args::text LIKE ?")) {
            statement.setString(1, "%" + messageId + "%");
            try (ResultSet rows = statement.executeQuery()) {
                List<Map<String, Object>> jobs = new ArrayList<>();
                while (rows.next()) {
                    jobs.add(Map.of("state", rows.getString("state"), "serial_key", rows.getString("serial_key"),
                            "args", rows.getString("args")));
                }
                return jobs;
            }
        }
    }
}
