package io.parley.api.conversation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tenant A, with a JWT or an API key, calling with tenant B's conversation ids. */
@MicronautTest(transactional = false)
class ConversationIsolationTest extends InboxTest {

    private Session ownerA;
    private String keyA;
    private String conversationA;
    private Session ownerB;
    private Channel channelB;
    private String conversationB;

    @BeforeAll
    void twoTenantsWithConversations() {
        ownerA = api().signup("Inbox A");
        keyA = api().post("/api/v1/api-keys", ownerA.accessToken(), Map.of("name", "a", "role", "admin"))
                .string("key");
        conversationA = conversation(channel(ownerA.tenantId()), "same-user", "Alice of A", "hello A");
        ownerB = api().signup("Inbox B");
        channelB = channel(ownerB.tenantId());
        conversationB = conversation(channelB, "same-user", "Bob of B", "hello B");
    }

    @Test
    void anotherTenantsConversationIsNotFoundOnEveryEndpoint() {
        String path = "/api/v1/conversations/" + conversationB;
        for (String credential : new String[]{ownerA.accessToken(), keyA}) {
            assertNotFound(api().get(path, credential));
            assertNotFound(api().get(path + "/messages", credential));
            assertNotFound(api().get(path + "/messages?direction=forward", credential));
            assertNotFound(api().post(path + "/messages", credential, Map.of("text", "from A")));
            assertNotFound(api().post(path + "/read", credential, Map.of()));
            assertNotFound(api().post(path + "/takeover", credential, Map.of()));
            assertNotFound(api().post(path + "/release", credential, Map.of()));
            assertNotFound(api().patch(path, credential, Map.of("status", "resolved")));
            assertNotFound(api().get(path + "/notes", credential));
            assertNotFound(api().post(path + "/notes", credential, Map.of("text", "from A")));
        }

        Reply b = api().get(path, ownerB.accessToken());
        assertThat(b.at("botPaused")).isEqualTo(false);
        assertThat(b.at("unreadCount")).isEqualTo(1);
        assertThat(api().get(path + "/messages", ownerB.accessToken()).items()).extracting(m -> m.get("text"))
                .containsExactly("hello B");
    }

    @Test
    void listsNeverShowAnotherTenantsConversations() {
        for (String credential : new String[]{ownerA.accessToken(), keyA}) {
            assertThat(api().get("/api/v1/conversations", credential).items()).extracting(c -> c.get("id"))
                    .containsExactly(conversationA);
            assertThat(api().get("/api/v1/conversations?botId=" + channelB.botId(), credential).items()).isEmpty();
            assertThat(api().get("/api/v1/conversations?channelId=" + channelB.channelId(), credential).items())
                    .isEmpty();
        }
    }

    @Test
    void malformedIdsAreNotFound() {
        for (String credential : new String[]{ownerA.accessToken(), keyA}) {
            assertNotFound(api().get("/api/v1/conversations/42", credential));
            assertNotFound(api().get("/api/v1/conversations/42/messages", credential));
            assertNotFound(api().post("/api/v1/conversations/42/messages", credential, Map.of("text", "x")));
            assertNotFound(api().post("/api/v1/conversations/42/takeover", credential, Map.of()));
        }
    }

    private static void assertNotFound(Reply reply) {
        assertProblem(reply, 404, "not-found");
        assertThat(reply.text()).doesNotContain("Bob of B", "hello B");
    }
}
