package io.parley.api.conversation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A team's inbox: status, assignment and its views, the "needs a person" counts, and search. */
@MicronautTest(transactional = false)
class TeamInboxTest extends InboxTest {

    @Test
    void aContactWritingToAConversationAPersonHoldsMakesItWaitUntilAnAgentAnswers() {
        Session owner = api().signup("Waiting Co");
        String conversation = conversation(channel(owner.tenantId()), "w", "W", "hello");
        String path = "/api/v1/conversations/" + conversation;
        Reply taken = api().post(path + "/takeover", owner.accessToken(), Map.of());

        inbound(owner.tenantId(), conversation, "is anyone there?");
        Reply waiting = api().get(path, owner.accessToken());
        api().post(path + "/messages", owner.accessToken(), Map.of("text", "Yes, Ann here."));
        Reply answered = api().get(path, owner.accessToken());

        assertThat(taken.string("status")).isEqualTo("open");
        assertThat(taken.string("handoffSource")).isEqualTo("agent");
        assertThat(taken.string("assigneeId")).as("who takes over answers it").isEqualTo(owner.userId());
        assertThat(waiting.string("status")).isEqualTo("waiting");
        assertThat(answered.string("status")).isEqualTo("open");
    }

    @Test
    void resolvingHandsBackToTheBotAndTheContactsNextMessageReopens() {
        Session owner = api().signup("Resolve Co");
        Session agent = new Teams(api()).addMember(owner, "agent");
        String conversation = conversation(channel(owner.tenantId()), "r", "R", "hello");
        String path = "/api/v1/conversations/" + conversation;
        api().post(path + "/takeover", agent.accessToken(), Map.of());

        Reply resolved = api().patch(path, agent.accessToken(), Map.of("status", "resolved"));
        inbound(owner.tenantId(), conversation, "one more thing");
        Reply reopened = api().get(path, owner.accessToken());
        Reply resolvedAgain = api().patch(path, agent.accessToken(), Map.of("status", "resolved"));
        Reply openedByAgent = api().patch(path, agent.accessToken(), Map.of("status", "open"));

        assertThat(resolved.status()).as(resolved.text()).isEqualTo(200);
        assertThat(resolved.string("status")).isEqualTo("resolved");
        assertThat(resolved.string("resolvedAt")).isNotNull();
        assertThat(resolved.at("botPaused")).isEqualTo(false);
        assertThat(resolved.at("handoffSource")).isNull();
        assertThat(reopened.string("status")).isEqualTo("open");
        assertThat(reopened.at("resolvedAt")).isNull();
        assertThat(resolvedAgain.string("status")).isEqualTo("resolved");
        assertThat(openedByAgent.string("status")).isEqualTo("open");
        assertThat(api().get("/api/v1/audit-log", owner.accessToken()).items())
                .extracting(entry -> entry.get("action")).contains("conversation.status_changed");
    }

    @Test
    void assignmentFeedsTheMineUnassignedAndAllViews() {
        Session owner = api().signup("Assign Co");
        Session agent = new Teams(api()).addMember(owner, "agent");
        Channel web = channel(owner.tenantId());
        String toAgent = conversation(web, "a", "A", "hi");
        String nobodys = conversation(web, "b", "B", "hi");

        Reply assigned = api().patch("/api/v1/conversations/" + toAgent, owner.accessToken(),
                Map.of("assigneeId", agent.userId()));

        assertThat(assigned.string("assigneeId")).isEqualTo(agent.userId());
        assertThat(ids(agent, "?assignee=me")).containsExactly(toAgent);
        assertThat(ids(owner, "?assignee=me")).isEmpty();
        assertThat(ids(owner, "?assignee=none")).containsExactly(nobodys);
        assertThat(ids(owner, "?assignee=" + agent.userId())).containsExactly(toAgent);
        assertThat(ids(owner, "")).containsExactlyInAnyOrder(toAgent, nobodys);

        Map<String, Object> unassign = new HashMap<>();
        unassign.put("assigneeId", null);
        assertThat(api().patch("/api/v1/conversations/" + toAgent, agent.accessToken(), unassign).at("assigneeId"))
                .isNull();
        assertThat(ids(owner, "?assignee=none")).containsExactlyInAnyOrder(toAgent, nobodys);
    }

    @Test
    void onlyMembersWhoCanAnswerAreAssignedAndViewersChangeNothing() {
        Session owner = api().signup("Assign Rules Co");
        Session viewer = new Teams(api()).addMember(owner, "viewer");
        Session stranger = api().signup("Stranger Co");
        String conversation = conversation(channel(owner.tenantId()), "v", "V", "hi");
        String path = "/api/v1/conversations/" + conversation;

        assertFieldError(api().patch(path, owner.accessToken(), Map.of("assigneeId", viewer.userId())),
                "assigneeId");
        assertFieldError(api().patch(path, owner.accessToken(), Map.of("assigneeId", stranger.userId())),
                "assigneeId");
        assertFieldError(api().patch(path, owner.accessToken(), Map.of("status", "closed")), "status");
        assertProblem(api().patch(path, owner.accessToken(), Map.of("priority", "high")), 400, "validation-failed");
        assertProblem(api().patch(path, viewer.accessToken(), Map.of("status", "resolved")), 403, "forbidden");
        assertThat(api().get(path, viewer.accessToken()).string("status")).isEqualTo("open");
    }

    @Test
    void theCountsSayHowManyConversationsNeedAPerson() {
        Session owner = api().signup("Counts Co");
        Session agent = new Teams(api()).addMember(owner, "agent");
        Channel web = channel(owner.tenantId());
        String mine = conversation(web, "m", "M", "hi");
        String unassigned = conversation(web, "u", "U", "hi");
        conversation(web, "o", "O", "hi"); // open: the bot answers it
        api().patch("/api/v1/conversations/" + mine, owner.accessToken(),
                Map.of("status", "waiting", "assigneeId", agent.userId()));
        api().patch("/api/v1/conversations/" + unassigned, owner.accessToken(), Map.of("status", "waiting"));

        Reply counts = api().get("/api/v1/conversations/counts", agent.accessToken());

        assertThat(counts.status()).as(counts.text()).isEqualTo(200);
        assertThat(counts.body()).containsEntry("waiting", 2).containsEntry("waitingMine", 1)
                .containsEntry("waitingUnassigned", 1);
        assertThat(ids(owner, "?status=waiting")).containsExactlyInAnyOrder(mine, unassigned);
        assertThat(api().get("/api/v1/conversations/counts", api().signup("Empty Co").accessToken()).body())
                .containsEntry("waiting", 0);
    }

    @Test
    void searchFindsChineseInsideSentencesAndNamesButNeverAnotherTenantsMessages() {
        Session owner = api().signup("Search Co");
        Channel web = channel(owner.tenantId());
        String asked = conversation(web, "s1", "陳小明", "請問你們的營業時間是幾點到幾點？");
        String other = conversation(web, "s2", "Mary", "Where is my parcel?");
        botReply(owner.tenantId(), other, "It left the warehouse today.");
        Session stranger = api().signup("Other Search Co");
        String theirs = conversation(channel(stranger.tenantId()), "s1", "陳小明", "營業時間？");

        assertThat(ids(owner, "?q=" + encode("營業時間"))).containsExactly(asked);
        assertThat(ids(owner, "?q=" + encode("營"))).containsExactly(asked);
        assertThat(ids(owner, "?q=WAREHOUSE")).containsExactly(other);
        assertThat(ids(owner, "?q=" + encode("小明"))).as("contact names too").containsExactly(asked);
        assertThat(ids(owner, "?q=" + encode("營業日"))).isEmpty();
        assertThat(ids(stranger, "?q=" + encode("營業時間"))).containsExactly(theirs);
        assertFieldError(api().get("/api/v1/conversations?q=" + "x".repeat(201), owner.accessToken()), "q");
    }

    @Test
    void theTierFilterKeepsTheConversationsOfThatTiersContacts() {
        Session owner = api().signup("Tier Filter Co");
        Channel web = channel(owner.tenantId());
        String premium = conversation(web, "t1", "Paying Pat", "hello");
        String free = conversation(web, "t2", "Free Fay", "hello");
        String contact = api().get("/api/v1/conversations/" + premium, owner.accessToken()).string("contact.id");
        Reply tiered = api().patch("/api/v1/contacts/" + contact, owner.accessToken(), Map.of("tier", "premium"));
        assertThat(tiered.status()).as(tiered.text()).isEqualTo(200);

        assertThat(ids(owner, "?tier=premium")).containsExactly(premium);
        assertThat(ids(owner, "?tier=free")).containsExactly(free);
        assertThat(ids(owner, "?tier=gold")).isEmpty();
        assertFieldError(api().get("/api/v1/conversations?tier=Not%20A%20Tier", owner.accessToken()), "tier");
    }

    private List<Object> ids(Session session, String query) {
        Reply reply = api().get("/api/v1/conversations" + query, session.accessToken());
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.items().stream().map(item -> item.get("id")).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
