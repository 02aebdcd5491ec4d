package io.parley.api.conversation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Conversations assigned to a team, and optionally a member of it; the "my teams" view. */
@MicronautTest(transactional = false)
class TeamAssignmentTest extends InboxTest {

    @Test
    void aConversationOfATeamShowsInTheMyTeamsViewOfEachOfItsMembers() {
        Session owner = api().signup("Team Assign Co");
        Session billingAgent = new Teams(api()).addMember(owner, "agent");
        Session salesAgent = new Teams(api()).addMember(owner, "agent");
        String billing = team(owner, "Billing", billingAgent.userId());
        String sales = team(owner, "Sales", salesAgent.userId());
        Channel web = channel(owner.tenantId());
        String invoice = conversation(web, "i", "I", "my invoice is wrong");
        String quote = conversation(web, "q", "Q", "a quote please");
        conversation(web, "n", "N", "hello");

        Reply assigned = api().patch(path(invoice), owner.accessToken(), Map.of("teamId", billing));
        api().patch(path(quote), owner.accessToken(), Map.of("teamId", sales, "assigneeId", salesAgent.userId()));

        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
        assertThat(assigned.string("teamId")).isEqualTo(billing);
        assertThat(assigned.at("assigneeId")).isNull();
        assertThat(ids(billingAgent, "?team=mine")).containsExactly(invoice);
        assertThat(ids(salesAgent, "?team=mine")).containsExactly(quote);
        assertThat(ids(owner, "?team=mine")).as("the owner is in no team").isEmpty();
        assertThat(ids(owner, "?team=" + sales)).containsExactly(quote);
        assertThat(ids(owner, "?team=" + billing + "&assignee=none")).containsExactly(invoice);
        assertThat(api().get("/api/v1/audit-log?limit=20", owner.accessToken()).items())
                .filteredOn(entry -> "conversation.team_assigned".equals(entry.get("action")))
                .hasSize(2);
    }

    @Test
    void theAssigneeOfATeamsConversationIsOneOfItsMembers() {
        Session owner = api().signup("Team Member Co");
        Session agent = new Teams(api()).addMember(owner, "agent");
        Session outsider = new Teams(api()).addMember(owner, "agent");
        String support = team(owner, "Support", agent.userId());
        String conversation = conversation(channel(owner.tenantId()), "s", "S", "help");

        assertFieldError(api().patch(path(conversation), owner.accessToken(),
                Map.of("teamId", support, "assigneeId", outsider.userId())), "assigneeId");
        api().patch(path(conversation), owner.accessToken(), Map.of("assigneeId", outsider.userId()));
        Reply handed = api().patch(path(conversation), owner.accessToken(), Map.of("teamId", support));

        assertThat(handed.string("teamId")).isEqualTo(support);
        assertThat(handed.at("assigneeId")).as("handed to a team the assignee is not in").isNull();
        assertThat(api().patch(path(conversation), agent.accessToken(), Map.of("assigneeId", agent.userId()))
                .string("assigneeId")).isEqualTo(agent.userId());
        Map<String, Object> noTeam = new HashMap<>();
        noTeam.put("teamId", null);
        Reply off = api().patch(path(conversation), agent.accessToken(), noTeam);
        assertThat(off.at("teamId")).isNull();
        assertThat(off.string("assigneeId")).isEqualTo(agent.userId());
    }

    @Test
    void anotherTenantsTeamIsNoTeamAndADeletedTeamLeavesItsConversations() {
        Session owner = api().signup("Team Isolation A");
        Session other = api().signup("Team Isolation B");
        String theirs = team(other, "Theirs");
        String ours = team(owner, "Ours");
        String conversation = conversation(channel(owner.tenantId()), "x", "X", "hi");

        assertFieldError(api().patch(path(conversation), owner.accessToken(), Map.of("teamId", theirs)), "teamId");
        assertFieldError(api().patch(path(conversation), owner.accessToken(), Map.of("teamId", "nope")), "teamId");
        api().patch(path(conversation), owner.accessToken(), Map.of("teamId", ours));
        api().delete("/api/v1/teams/" + ours, owner.accessToken());

        assertThat(api().get(path(conversation), owner.accessToken()).at("teamId")).isNull();
        assertThat(ids(owner, "?team=" + theirs)).isEmpty();
        assertFieldError(api().get("/api/v1/conversations?team=nope", owner.accessToken()), "team");
    }

    @Test
    void theMyTeamsCountIsTheWaitingConversationsOfTheCallersTeamsOnly() {
        Session owner = api().signup("Team Count Co");
        Session billingAgent = new Teams(api()).addMember(owner, "agent");
        String billing = team(owner, "Billing", billingAgent.userId());
        String sales = team(owner, "Sales");
        Channel web = channel(owner.tenantId());
        String waiting = conversation(web, "w", "W", "my invoice is wrong");
        String open = conversation(web, "o", "O", "a question");
        String elsewhere = conversation(web, "e", "E", "a quote please");
        api().patch(path(waiting), owner.accessToken(), Map.of("teamId", billing, "status", "waiting"));
        api().patch(path(open), owner.accessToken(), Map.of("teamId", billing));
        api().patch(path(elsewhere), owner.accessToken(), Map.of("teamId", sales, "status", "waiting"));
        Session stranger = api().signup("Team Count Other Co");

        assertThat(api().get("/api/v1/conversations/counts", billingAgent.accessToken()).body())
                .containsEntry("waiting", 2).containsEntry("waitingTeams", 1);
        assertThat(api().get("/api/v1/conversations/counts", owner.accessToken()).body())
                .as("the owner is in no team").containsEntry("waitingTeams", 0);
        assertThat(api().get("/api/v1/conversations/counts", stranger.accessToken()).body())
                .containsEntry("waiting", 0).containsEntry("waitingTeams", 0);
    }

    private String team(Session owner, String name, String... memberIds) {
        Reply team = api().post("/api/v1/teams", owner.accessToken(), Map.of("name", name,
                "memberIds", List.of(memberIds)));
        assertThat(team.status()).as(team.text()).isEqualTo(201);
        return team.string("id");
    }

    private static String path(String conversation) {
        return "/api/v1/conversations/" + conversation;
    }

    private List<Object> ids(Session session, String query) {
        Reply reply = api().get("/api/v1/conversations" + query, session.accessToken());
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.items().stream().map(item -> item.get("id")).toList();
    }
}
