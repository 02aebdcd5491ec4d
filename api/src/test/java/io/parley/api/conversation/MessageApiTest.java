package io.parley.api.conversation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.Teams;
import io.parley.core.message.InboundEvent;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class MessageApiTest extends InboxTest {

    @Test
    void pagesMessagesNewestFirstAndForwardFromAnyPosition() {
        Session owner = api().signup("History Co");
        Channel web = channel(owner.tenantId());
        String conversation = conversation(web, "chatty", "Chatty", "m0");
        List<String> ids = new ArrayList<>();
        ids.add(messageIds(owner, conversation, "").getFirst());
        for (int i = 1; i < 5; i++) {
            ids.add(i % 2 == 0 ? inbound(owner.tenantId(), conversation, "m" + i)
                    : botReply(owner.tenantId(), conversation, "m" + i));
        }
        String path = "/api/v1/conversations/" + conversation + "/messages";

        Reply newest = api().get(path + "?limit=2", owner.accessToken());
        Reply older = api().get(path + "?limit=2&cursor=" + newest.string("nextCursor"), owner.accessToken());
        Reply oldest = api().get(path + "?limit=2&cursor=" + older.string("nextCursor"), owner.accessToken());
        Reply forward = api().get(path + "?direction=forward&limit=3", owner.accessToken());
        Reply forwardFromOlder = api().get(path + "?direction=forward&cursor=" + older.string("nextCursor"),
                owner.accessToken());

        assertThat(newest.items()).extracting(m -> m.get("id")).containsExactly(ids.get(4), ids.get(3));
        assertThat(older.items()).extracting(m -> m.get("id")).containsExactly(ids.get(2), ids.get(1));
        assertThat(oldest.items()).extracting(m -> m.get("id")).containsExactly(ids.get(0));
        assertThat(oldest.at("nextCursor")).isNull();
        assertThat(forward.items()).extracting(m -> m.get("text")).containsExactly("m0", "m1", "m2");
        assertThat(forwardFromOlder.items()).extracting(m -> m.get("id")).containsExactly(ids.get(2), ids.get(3),
                ids.get(4));
        assertThat(forwardFromOlder.at("nextCursor")).isNull();

        Map<String, Object> inbound = newest.items().getFirst();
        assertThat(inbound).containsEntry("direction", "inbound").containsEntry("sender", "contact")
                .containsEntry("agentUserId", null).containsEntry("type", "text").containsEntry("text", "m4")
                .containsEntry("payload", Map.of()).containsEntry("status", "received")
                .containsEntry("statusDetail", null).containsKey("createdAt");
        assertFieldError(api().get(path + "?direction=sideways", owner.accessToken()), "direction");
        assertFieldError(api().get(path + "?cursor=bogus", owner.accessToken()), "cursor");
    }

    @Test
    void anAgentReplyIsStoredAndQueuedBehindTheBotsRepliesToThatContact() throws Exception {
        Session owner = api().signup("Reply Co");
        Session agent = new Teams(api()).addMember(owner, "agent");
        Channel web = channel(owner.tenantId());
        String conversation = conversation(web, "session-42", "Visitor", "Anyone there?");

        Reply sent = api().post("/api/v1/conversations/" + conversation + "/messages", agent.accessToken(),
                Map.of("text", "Yes, Mei here. How can I help?"));

        assertThat(sent.status()).as(sent.text()).isEqualTo(201);
        assertThat(sent.body()).containsEntry("direction", "outbound").containsEntry("sender", "agent")
                .containsEntry("agentUserId", agent.userId()).containsEntry("type", "text")
                .containsEntry("text", "Yes, Mei here. How can I help?").containsEntry("status", "queued");
        String messageId = sent.string("id");
        assertThat(messageIds(owner, conversation, "?limit=1")).containsExactly(messageId);
        assertThat(api().get("/api/v1/conversations/" + conversation, owner.accessToken())
                .string("lastMessage.sender")).isEqualTo("agent");

        Map<String, Object> job = job("out:" + messageId);
        assertThat(job).containsEntry("tenant_id", owner.tenantId()).containsEntry("kind", "outbound.send")
                .containsEntry("state", "available")
                .containsEntry("serial_key", "conv:" + web.channelId() + ":session-42:out")
                .containsEntry("serial_key", inboundFrom(web, "session-42").sendKey());
        assertThat(json.readValue((String) job.get("args"), Map.class)).isEqualTo(mapOf(
                "conversationId", conversation, "messageIds", List.of(messageId), "replyToken", null,
                "inboundAt", null));
    }

    @Test
    void replyingTakesTheConversationOverUnlessTheBotShouldKeepAnswering() {
        Session owner = api().signup("Takeover By Reply Co");
        Session agent = new Teams(api()).addMember(owner, "agent");
        Channel web = channel(owner.tenantId());
        String taken = conversation(web, "t", "T", "help");
        String kept = conversation(web, "k", "K", "help");

        api().post("/api/v1/conversations/" + taken + "/messages", agent.accessToken(), Map.of("text", "On it"));
        api().post("/api/v1/conversations/" + kept + "/messages", agent.accessToken(),
                Map.of("text", "A colleague will call you", "keepBotActive", true));

        Reply takenNow = api().get("/api/v1/conversations/" + taken, owner.accessToken());
        assertThat(takenNow.at("botPaused")).isEqualTo(true);
        assertThat(takenNow.string("takenOverBy")).isEqualTo(agent.userId());
        assertThat(api().get("/api/v1/conversations/" + kept, owner.accessToken()).at("botPaused")).isEqualTo(false);
        List<Map<String, Object>> audit = api().get("/api/v1/audit-log", owner.accessToken()).items().stream()
                .filter(entry -> "conversation".equals(entry.get("targetType"))).toList();
        assertThat(audit).hasSize(1);
        assertThat(audit.getFirst()).containsEntry("action", "conversation.taken_over")
                .containsEntry("targetId", taken).containsEntry("details", Map.of("via", "reply"));
    }

    @Test
    void aReplyLeavesAnotherAgentsTakeoverWithThem() {
        Session owner = api().signup("Two Agents Co");
        Session first = new Teams(api()).addMember(owner, "agent");
        Session second = new Teams(api()).addMember(owner, "agent");
        Channel web = channel(owner.tenantId());
        String conversation = conversation(web, "x", "X", "help");
        api().post("/api/v1/conversations/" + conversation + "/takeover", first.accessToken(), Map.of());

        api().post("/api/v1/conversations/" + conversation + "/messages", second.accessToken(), Map.of("text", "Hi"));

        assertThat(api().get("/api/v1/conversations/" + conversation, owner.accessToken()).string("takenOverBy"))
                .isEqualTo(first.userId());
    }

    @Test
    void anApiKeyWithTheAgentRoleRepliesAsNobodyInParticular() {
        Session owner = api().signup("Key Reply Co");
        String agentKey = api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "helpdesk",
                "role", "agent")).string("key");
        String viewerKey = api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "bi",
                "role", "viewer")).string("key");
        Channel web = channel(owner.tenantId());
        String conversation = conversation(web, "y", "Y", "help");
        String path = "/api/v1/conversations/" + conversation + "/messages";

        Reply sent = api().post(path, agentKey, Map.of("text", "Ticket #123 opened"));

        assertThat(sent.status()).as(sent.text()).isEqualTo(201);
        assertThat(sent.at("agentUserId")).isNull();
        Reply after = api().get("/api/v1/conversations/" + conversation, owner.accessToken());
        assertThat(after.at("botPaused")).isEqualTo(true);
        assertThat(after.at("takenOverBy")).isNull();
        assertProblem(api().post(path, viewerKey, Map.of("text", "no")), 403, "forbidden");
    }

    @Test
    void viewersCannotReplyAndTextMustBe1To4096Characters() {
        Session owner = api().signup("Rules Co");
        Session viewer = new Teams(api()).addMember(owner, "viewer");
        Channel web = channel(owner.tenantId());
        String conversation = conversation(web, "z", "Z", "help");
        String path = "/api/v1/conversations/" + conversation + "/messages";

        assertProblem(api().post(path, viewer.accessToken(), Map.of("text", "hello")), 403, "forbidden");
        assertFieldError(api().post(path, owner.accessToken(), Map.of("text", "   ")), "text");
        assertFieldError(api().post(path, owner.accessToken(), Map.of()), "text");
        assertFieldError(api().post(path, owner.accessToken(), Map.of("text", "x".repeat(4097))), "text");
        assertThat(api().post(path, owner.accessToken(), Map.of("text", "x".repeat(4096))).status()).isEqualTo(201);
        assertThat(messageIds(owner, conversation, "")).hasSize(2);
    }

    /** What the webhook mapper makes of a message from this contact: its replies leave under its sendKey(). */
    private static InboundEvent inboundFrom(Channel channel, String externalUserId) {
        return new InboundEvent(channel.channelId(), "event-1", InboundEvent.Type.TEXT, externalUserId, null, "hi",
                null, null, null, null, null, true, Instant.now(), null);
    }

    private List<String> messageIds(Session session, String conversation, String query) {
        Reply reply = api().get("/api/v1/conversations/" + conversation + "/messages" + query, session.accessToken());
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.items().stream().map(item -> (String) item.get("id")).toList();
    }

    /** The jobs row as stored (as the superuser: the jobs table is not visible outside a scope). */
    private static Map<String, Object> job(String uniqueKey) throws Exception {
        try (Connection connection = superuser();
             PreparedStatement statement = connection.prepareStatement("SELECT tenant_id::text, kind, "
                     + "args::text AS args, state, serial_key FROM jobs WHERE unique_key = ?")) {
            statement.setString(1, uniqueKey);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("a job with unique key " + uniqueKey).isTrue();
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
                }
                assertThat(rows.next()).isFalse();
                return row;
            }
        }
    }

    private static Map<String, Object> mapOf(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
