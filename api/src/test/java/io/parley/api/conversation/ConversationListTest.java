package io.parley.api.conversation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ConversationListTest extends InboxTest {

    @Test
    void listsConversationsWithTheirBotChannelContactAndLastMessage() {
        Session owner = api().signup("Inbox Co");
        Channel web = channel(owner.tenantId());
        String id = conversation(web, "visitor-1", "陳小明", "Where is my order?");
        botReply(owner.tenantId(), id, "It left the warehouse today.");

        Reply list = api().get("/api/v1/conversations", owner.accessToken());

        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.items()).hasSize(1);
        Map<String, Object> item = list.items().getFirst();
        assertThat(item.get("id")).isEqualTo(id);
        assertThat(item.get("bot")).isEqualTo(Map.of("id", web.botId().toString(), "name", "Test bot"));
        assertThat(item.get("channel")).isEqualTo(Map.of("id", web.channelId().toString(), "type", "web",
                "name", "Test web chat"));
        assertThat((Map<String, Object>) list.at("items.0.contact")).containsEntry("displayName", "陳小明")
                .containsEntry("tier", "free").containsKey("id");
        assertThat(item).containsEntry("status", "open").containsEntry("botPaused", false)
                .containsEntry("takenOverBy", null).containsEntry("unreadCount", 1);
        assertThat(list.string("items.0.lastMessage.text")).isEqualTo("It left the warehouse today.");
        assertThat(list.string("items.0.lastMessage.sender")).isEqualTo("bot");
        assertThat(list.string("items.0.lastMessage.direction")).isEqualTo("outbound");
        assertThat(list.string("items.0.lastMessageAt")).isNotNull();
        assertThat(list.string("items.0.lastInboundAt")).isNotNull();
        assertThat(list.at("nextCursor")).isNull();

        assertThat(api().get("/api/v1/conversations/" + id, owner.accessToken()).body())
                .isEqualTo(list.items().getFirst());
    }

    @Test
    void cutsTheLastMessagePreviewTo200Characters() {
        Session owner = api().signup("Long Co");
        Channel web = channel(owner.tenantId());
        String longText = "一".repeat(150) + "b".repeat(100);
        String id = conversation(web, "talker", "Talker", longText);

        String preview = api().get("/api/v1/conversations/" + id, owner.accessToken()).string("lastMessage.text");

        assertThat(preview).hasSize(201).endsWith("b…").startsWith("一".repeat(150));
    }

    @Test
    void filtersByBotChannelContactStatusUnreadAndTakeover() {
        Session owner = api().signup("Filter Co");
        Channel first = channel(owner.tenantId());
        Channel second = channel(owner.tenantId());
        String unreadOnFirst = conversation(first, "a", "A", "hello");
        String readOnFirst = conversation(first, "b", "B", "hi");
        String onSecond = conversation(second, "c", "C", "hey");
        api().post("/api/v1/conversations/" + readOnFirst + "/read", owner.accessToken(), Map.of());
        api().post("/api/v1/conversations/" + unreadOnFirst + "/takeover", owner.accessToken(), Map.of());
        superuserUpdate("UPDATE conversations SET status = 'resolved' WHERE id = ?", java.util.UUID.fromString(onSecond));

        assertThat(ids(owner, "?botId=" + first.botId())).containsExactlyInAnyOrder(unreadOnFirst, readOnFirst);
        assertThat(ids(owner, "?channelId=" + second.channelId())).containsExactly(onSecond);
        assertThat(ids(owner, "?status=resolved")).containsExactly(onSecond);
        assertThat(ids(owner, "?status=closed")).as("closed, the status before V175, reads as resolved")
                .containsExactly(onSecond);
        assertThat(ids(owner, "?status=open&unread=true")).containsExactly(unreadOnFirst);
        assertThat(ids(owner, "?unread=false")).containsExactly(readOnFirst);
        assertThat(ids(owner, "?botId=" + first.botId() + "&channelId=" + second.channelId())).isEmpty();
        assertThat(ids(owner, "?takenOver=true")).containsExactly(unreadOnFirst);
        String contactOfSecond = api().get("/api/v1/conversations/" + onSecond, owner.accessToken()).string("contact.id");
        assertThat(ids(owner, "?contactId=" + contactOfSecond)).containsExactly(onSecond);
        assertThat(ids(owner, "?takenOver=false&botId=" + first.botId())).containsExactly(readOnFirst);
    }

    @Test
    void pagesByLatestActivityWithoutRepeatsOrGapsEvenOnTies() {
        Session owner = api().signup("Paging Co");
        Channel web = channel(owner.tenantId());
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(conversation(web, "user-" + i, "User " + i, "message " + i));
        }
        Instant tie = Instant.parse("2026-01-02T03:04:05.123456Z");
        for (int i = 1; i < 6; i++) {
            setLastMessageAt(created.get(i), tie); // five conversations at the same instant: ordered by id
        }
        setLastMessageAt(created.get(0), tie.minusSeconds(60));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = api().get("/api/v1/conversations?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    owner.accessToken());
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            page.items().forEach(item -> seen.add((String) item.get("id")));
            cursor = page.string("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(4);
        assertThat(seen).containsExactly(created.get(6), created.get(5), created.get(4), created.get(3),
                created.get(2), created.get(1), created.get(0));
    }

    @Test
    void aConversationWithANewMessageMovesToTheTopAndIsNotRepeatedOnLaterPages() {
        Session owner = api().signup("Moving Co");
        Channel web = channel(owner.tenantId());
        String oldest = conversation(web, "u1", "U1", "one");
        String middle = conversation(web, "u2", "U2", "two");
        String newest = conversation(web, "u3", "U3", "three");

        Reply first = api().get("/api/v1/conversations?limit=1", owner.accessToken());
        inbound(owner.tenantId(), oldest, "I am back");
        Reply rest = api().get("/api/v1/conversations?limit=5&cursor=" + first.string("nextCursor"),
                owner.accessToken());

        assertThat(first.items()).extracting(item -> item.get("id")).containsExactly(newest);
        assertThat(rest.items()).extracting(item -> item.get("id")).containsExactly(middle);
        assertThat(ids(owner, "")).containsExactly(oldest, newest, middle);
    }

    @Test
    void namesTheWrongFilterOrCursor() {
        Session owner = api().signup("Wrong Co");

        assertFieldError(api().get("/api/v1/conversations?botId=nope", owner.accessToken()), "botId");
        assertFieldError(api().get("/api/v1/conversations?channelId=123", owner.accessToken()), "channelId");
        assertFieldError(api().get("/api/v1/conversations?contactId=x", owner.accessToken()), "contactId");
        assertFieldError(api().get("/api/v1/conversations?status=pending", owner.accessToken()), "status");
        assertFieldError(api().get("/api/v1/conversations?limit=0", owner.accessToken()), "limit");
        assertFieldError(api().get("/api/v1/conversations?cursor=forged", owner.accessToken()), "cursor");
        assertFieldError(api().get("/api/v1/conversations?cursor=aTE6bm90LWEtdGltZSx4", owner.accessToken()),
                "cursor");
        assertProblem(api().get("/api/v1/conversations/not-a-uuid", owner.accessToken()), 404, "not-found");
    }

    @Test
    void markingReadClearsTheUnreadCountForAgentsButNotViewers() {
        Session owner = api().signup("Read Co");
        Session agent = new Teams(api()).addMember(owner, "agent");
        Session viewer = new Teams(api()).addMember(owner, "viewer");
        Channel web = channel(owner.tenantId());
        String id = conversation(web, "reader", "Reader", "one");
        inbound(owner.tenantId(), id, "two");

        assertThat(api().get("/api/v1/conversations/" + id, viewer.accessToken()).at("unreadCount")).isEqualTo(2);
        assertProblem(api().post("/api/v1/conversations/" + id + "/read", viewer.accessToken(), Map.of()), 403,
                "forbidden");
        Reply read = api().post("/api/v1/conversations/" + id + "/read", agent.accessToken(), Map.of());

        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(read.at("unreadCount")).isEqualTo(0);
        assertThat(api().get("/api/v1/conversations?unread=true", viewer.accessToken()).items()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void inboxEndpointsAndSchemasAreDocumentedWithExamples() {
        Map<String, Object> spec = new Yaml().load(api().get("/openapi/parley-api.yml", null).text());
        Map<String, Object> paths = (Map<String, Object>) spec.get("paths");
        Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) spec.get("components")).get("schemas");

        assertThat(paths).containsKeys("/api/v1/conversations", "/api/v1/conversations/{conversationId}",
                "/api/v1/conversations/{conversationId}/read", "/api/v1/conversations/{conversationId}/takeover",
                "/api/v1/conversations/{conversationId}/release");
        assertThat((Map<String, Object>) paths.get("/api/v1/conversations/{conversationId}/messages"))
                .containsKeys("get", "post");
        for (String name : new String[]{"Conversation", "ConversationContact", "MessagePreview", "Message",
                "AgentMessageRequest"}) {
            assertThat(schemas.get(name)).as(name).isNotNull();
            assertThat(schemas.get(name).toString()).as(name).contains("example");
        }
    }

    private List<Object> ids(Session session, String query) {
        Reply reply = api().get("/api/v1/conversations" + query, session.accessToken());
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.items().stream().map(item -> item.get("id")).toList();
    }
}
