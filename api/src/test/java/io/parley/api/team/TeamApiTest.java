package io.parley.api.team;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class TeamApiTest extends ApiTest {

    private static final String PATH = "/api/v1/teams";

    @Test
    void adminsGroupMembersIntoNamedTeamsThatAgentsRead() {
        Session owner = api().signup("Teams Co");
        Session admin = new Teams(api()).addMember(owner, "admin");
        Session agent = new Teams(api()).addMember(owner, "agent");

        Reply line = api().post(PATH, admin.accessToken(), Map.of("name", " LINE 客服 ",
                "memberIds", List.of(agent.userId(), owner.userId())));
        api().post(PATH, owner.accessToken(), Map.of("name", "Billing"));
        Reply changed = api().patch(PATH + "/" + line.string("id"), admin.accessToken(),
                Map.of("name", "LINE 支援", "memberIds", List.of(agent.userId())));

        assertThat(line.status()).as(line.text()).isEqualTo(201);
        assertThat(line.string("name")).as("spaces around the name are dropped").isEqualTo("LINE 客服");
        assertThat(line.at("memberIds")).asList().containsExactlyInAnyOrder(agent.userId(), owner.userId());
        assertThat(changed.string("name")).isEqualTo("LINE 支援");
        assertThat(changed.at("memberIds")).asList().containsExactly(agent.userId());
        assertThat(api().get(PATH, agent.accessToken()).items()).extracting(team -> team.get("name"))
                .containsExactly("Billing", "LINE 支援");
        assertThat(api().get(PATH + "/" + line.string("id"), agent.accessToken()).at("memberIds")).asList()
                .containsExactly(agent.userId());
        assertThat(api().delete(PATH + "/" + line.string("id"), admin.accessToken()).status()).isEqualTo(204);
        assertThat(api().get(PATH, agent.accessToken()).items()).extracting(team -> team.get("name"))
                .containsExactly("Billing");
    }

    @Test
    void teamChangesAreAudited() {
        Session owner = api().signup("Teams Audit Co");
        String id = api().post(PATH, owner.accessToken(), Map.of("name", "Sales")).string("id");
        api().patch(PATH + "/" + id, owner.accessToken(), Map.of("memberIds", List.of(owner.userId())));
        api().delete(PATH + "/" + id, owner.accessToken());

        assertThat(api().get("/api/v1/audit-log?limit=10", owner.accessToken()).items())
                .extracting(entry -> entry.get("action"))
                .contains("team.created", "team.updated", "team.deleted");
    }

    @Test
    void pagesFollowTheNameOrder() {
        Session owner = api().signup("Teams Paging Co");
        for (String name : new String[] {"C", "A", "B"}) {
            api().post(PATH, owner.accessToken(), Map.of("name", name));
        }

        Reply first = api().get(PATH + "?limit=2", owner.accessToken());
        Reply second = api().get(PATH + "?limit=2&cursor=" + first.string("nextCursor"), owner.accessToken());

        assertThat(first.items()).extracting(team -> team.get("name")).containsExactly("A", "B");
        assertThat(second.items()).extracting(team -> team.get("name")).containsExactly("C");
        assertThat(second.at("nextCursor")).isNull();
    }

    @Test
    void namesAreUniqueWhateverTheLetterCaseAndTheConflictIsTranslated() {
        Session owner = api().signup("Teams Names Co");
        api().post(PATH, owner.accessToken(), Map.of("name", "Billing"));
        String other = api().post(PATH, owner.accessToken(), Map.of("name", "Sales")).string("id");

        Reply again = api().send("POST", PATH, owner.accessToken(), Map.of("name", "billing"),
                Map.of("Accept-Language", "zh-Hant"));

        assertProblem(again, 409, "conflict");
        assertThat(again.string("detail")).isEqualTo("已有名為 billing 的團隊。");
        assertProblem(api().patch(PATH + "/" + other, owner.accessToken(), Map.of("name", "BILLING")), 409,
                "conflict");
        assertThat(api().patch(PATH + "/" + other, owner.accessToken(), Map.of("name", "SALES")).string("name"))
                .as("a team may change the case of its own name").isEqualTo("SALES");
        assertFieldError(api().post(PATH, owner.accessToken(), Map.of("name", " ")), "name");
        assertFieldError(api().patch(PATH + "/" + other, owner.accessToken(), java.util.Collections.singletonMap(
                "name", null)), "name");
    }

    @Test
    void onlyMembersWhoAnswerConversationsJoinATeam() {
        Session owner = api().signup("Teams Members Co");
        Session viewer = new Teams(api()).addMember(owner, "viewer");
        Session stranger = api().signup("Teams Stranger Co");

        assertFieldError(api().post(PATH, owner.accessToken(), Map.of("name", "A",
                "memberIds", List.of(viewer.userId()))), "memberIds");
        assertFieldError(api().post(PATH, owner.accessToken(), Map.of("name", "B",
                "memberIds", List.of(stranger.userId()))), "memberIds");
        assertFieldError(api().post(PATH, owner.accessToken(), Map.of("name", "C",
                "memberIds", List.of("not-an-id"))), "memberIds");
        assertProblem(api().post(PATH, owner.accessToken(), Map.of("name", "D", "colour", "red")), 400,
                "validation-failed");
        assertThat(api().get(PATH, owner.accessToken()).items()).as("nothing half-created").isEmpty();
    }

    @Test
    void agentsReadAndViewersSeeNothingAndOnlyAdminsChange() {
        Session owner = api().signup("Teams Roles Co");
        Session agent = new Teams(api()).addMember(owner, "agent");
        Session viewer = new Teams(api()).addMember(owner, "viewer");
        String id = api().post(PATH, owner.accessToken(), Map.of("name", "Support")).string("id");

        assertThat(api().get(PATH + "/" + id, agent.accessToken()).status()).isEqualTo(200);
        assertProblem(api().post(PATH, agent.accessToken(), Map.of("name", "Mine")), 403, "forbidden");
        assertProblem(api().patch(PATH + "/" + id, agent.accessToken(), Map.of("name", "Ours")), 403, "forbidden");
        assertProblem(api().delete(PATH + "/" + id, agent.accessToken()), 403, "forbidden");
        assertProblem(api().get(PATH, viewer.accessToken()), 403, "forbidden");
        assertProblem(api().get(PATH + "/" + id, viewer.accessToken()), 403, "forbidden");
    }

    @Test
    void anotherTenantsTeamsAreNotFoundAndNeverListed() {
        Session ownerA = api().signup("Teams A");
        Session ownerB = api().signup("Teams B");
        String idB = api().post(PATH, ownerB.accessToken(), Map.of("name", "B only")).string("id");

        assertProblem(api().get(PATH + "/" + idB, ownerA.accessToken()), 404, "not-found");
        assertProblem(api().patch(PATH + "/" + idB, ownerA.accessToken(), Map.of("name", "A")), 404, "not-found");
        assertProblem(api().delete(PATH + "/" + idB, ownerA.accessToken()), 404, "not-found");
        assertThat(api().get(PATH, ownerA.accessToken()).items()).isEmpty();
        assertThat(api().get(PATH + "/" + idB, ownerB.accessToken()).string("name")).isEqualTo("B only");
    }

    @Test
    void aMemberWhoLeavesTheWorkspaceLeavesItsTeams() {
        Session owner = api().signup("Teams Leaving Co");
        Session agent = new Teams(api()).addMember(owner, "agent");
        String id = api().post(PATH, owner.accessToken(), Map.of("name", "Night shift",
                "memberIds", List.of(agent.userId(), owner.userId()))).string("id");

        Reply removed = api().delete("/api/v1/members/" + agent.userId(), owner.accessToken());

        assertThat(removed.status()).as(removed.text()).isEqualTo(204);
        assertThat(api().get(PATH + "/" + id, owner.accessToken()).at("memberIds")).asList()
                .containsExactly(owner.userId());
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.string("type")).isEqualTo("https://parley.dev/problems/" + type);
    }

    private static void assertFieldError(Reply reply, String field) {
        assertProblem(reply, 400, "validation-failed");
        assertThat(reply.string("errors.0.field")).as(reply.text()).isEqualTo(field);
    }
}
