package io.parley.api.member;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class MemberRolesTest extends ApiTest {

    private Teams teams() {
        return new Teams(api());
    }

    @Test
    void invitedUserJoinsWithTheInvitedRole() {
        Session owner = api().signup("Team Co");
        Session agent = teams().addMember(owner, "agent");

        Reply members = api().get("/api/v1/members", owner.accessToken());
        assertThat(members.items()).extracting(m -> m.get("email") + "=" + m.get("role"))
                .containsExactlyInAnyOrder(owner.email() + "=owner", agent.email() + "=agent");
        assertThat(api().get("/api/v1/me", agent.accessToken()).string("activeTenantId")).isEqualTo(owner.tenantId());
    }

    @Test
    void invitationCannotBeAcceptedByAnotherEmailOrTwice() {
        Session owner = api().signup("Invite Co");
        Session invitee = api().signup("Invitee home");
        Session stranger = api().signup("Stranger home");
        Reply invitation = api().post("/api/v1/invitations", owner.accessToken(),
                Map.of("email", invitee.email(), "role", "viewer"));

        Reply byStranger = api().post("/api/v1/invitations/accept", stranger.accessToken(),
                Map.of("token", invitation.string("token")));
        Reply byInvitee = api().post("/api/v1/invitations/accept", invitee.accessToken(),
                Map.of("token", invitation.string("token")));
        Reply again = api().post("/api/v1/invitations/accept", invitee.accessToken(),
                Map.of("token", invitation.string("token")));

        assertThat(byStranger.status()).isEqualTo(403);
        assertThat(byInvitee.status()).isEqualTo(200);
        assertThat(byInvitee.string("role")).isEqualTo("viewer");
        assertThat(again.status()).isEqualTo(401);
    }

    @Test
    void tamperedOrRevokedInvitationTokensAreRejected() {
        Session owner = api().signup("Revoke Co");
        Session invitee = api().signup("Invitee");
        Reply invitation = api().post("/api/v1/invitations", owner.accessToken(),
                Map.of("email", invitee.email(), "role", "agent"));
        String token = invitation.string("token");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThat(api().post("/api/v1/invitations/accept", invitee.accessToken(), Map.of("token", tampered)).status())
                .isEqualTo(401);
        assertThat(api().delete("/api/v1/invitations/" + invitation.string("id"), owner.accessToken()).status())
                .isEqualTo(204);
        assertThat(api().post("/api/v1/invitations/accept", invitee.accessToken(), Map.of("token", token)).status())
                .isEqualTo(401);
    }

    @Test
    void agentsAndViewersCannotManageMembers() {
        Session owner = api().signup("Roles Co");
        Session agent = teams().addMember(owner, "agent");
        Session viewer = teams().addMember(owner, "viewer");

        assertThat(api().post("/api/v1/invitations", agent.accessToken(),
                Map.of("email", "x@example.com", "role", "agent")).status()).isEqualTo(403);
        assertThat(api().patch("/api/v1/members/" + viewer.userId(), agent.accessToken(),
                Map.of("role", "admin")).status()).isEqualTo(403);
        assertThat(api().delete("/api/v1/members/" + agent.userId(), viewer.accessToken()).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/members", viewer.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void onlyOwnersGrantTheOwnerRole() {
        Session owner = api().signup("Owner Co");
        Session admin = teams().addMember(owner, "admin");
        Session agent = teams().addMember(owner, "agent");

        Reply byAdmin = api().patch("/api/v1/members/" + agent.userId(), admin.accessToken(), Map.of("role", "owner"));
        Reply adminInvitesOwner = api().post("/api/v1/invitations", admin.accessToken(),
                Map.of("email", "new-owner@example.com", "role", "owner"));
        Reply byOwner = api().patch("/api/v1/members/" + agent.userId(), owner.accessToken(), Map.of("role", "owner"));

        assertThat(byAdmin.status()).isEqualTo(403);
        assertThat(byAdmin.contentType()).startsWith("application/problem+json");
        assertThat(adminInvitesOwner.status()).isEqualTo(403);
        assertThat(byOwner.status()).isEqualTo(200);
        assertThat(byOwner.string("role")).isEqualTo("owner");
    }

    @Test
    void adminsManageNonOwners() {
        Session owner = api().signup("Admin Co");
        Session admin = teams().addMember(owner, "admin");
        Session agent = teams().addMember(owner, "agent");

        Reply promoted = api().patch("/api/v1/members/" + agent.userId(), admin.accessToken(), Map.of("role", "viewer"));
        Reply removed = api().delete("/api/v1/members/" + agent.userId(), admin.accessToken());
        Reply removeOwner = api().delete("/api/v1/members/" + owner.userId(), admin.accessToken());

        assertThat(promoted.string("role")).isEqualTo("viewer");
        assertThat(removed.status()).isEqualTo(204);
        assertThat(removeOwner.status()).isEqualTo(403);
    }

    @Test
    void anEmptyMergePatchChangesNothingButStillNeedsAnAdminAndTheTenantsOwnMember() {
        Session owner = api().signup("Empty Patch Co");
        Session agent = teams().addMember(owner, "agent");
        Session stranger = api().signup("Stranger Co");
        HashMap<String, Object> removeRole = new HashMap<>();
        removeRole.put("role", null);

        Reply unchanged = api().patch("/api/v1/members/" + agent.userId(), owner.accessToken(), Map.of());
        Reply byTheAgent = api().patch("/api/v1/members/" + agent.userId(), agent.accessToken(), Map.of());
        Reply byAStranger = api().patch("/api/v1/members/" + agent.userId(), stranger.accessToken(), Map.of());
        Reply removed = api().patch("/api/v1/members/" + agent.userId(), owner.accessToken(), removeRole);

        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.string("role")).isEqualTo("agent");
        assertThat(byTheAgent.status()).isEqualTo(403);
        assertThat(byAStranger.status()).isEqualTo(404);
        assertThat(removed.status()).isEqualTo(400);
        assertThat(removed.string("detail")).contains("role");
        assertThat(api().get("/api/v1/members/" + agent.userId(), owner.accessToken()).string("role"))
                .isEqualTo("agent");
    }

    @Test
    void theLastOwnerCanNeitherLeaveNorBeDemoted() {
        Session owner = api().signup("Last Owner Co");

        Reply demote = api().patch("/api/v1/members/" + owner.userId(), owner.accessToken(), Map.of("role", "admin"));
        Reply leave = api().delete("/api/v1/members/" + owner.userId(), owner.accessToken());

        assertThat(demote.status()).isEqualTo(409);
        assertThat(leave.status()).isEqualTo(409);
        assertThat(leave.string("detail")).contains("at least one owner");
    }

    @Test
    void aSecondOwnerMakesLeavingPossible() {
        Session owner = api().signup("Two Owners Co");
        Session second = teams().addMember(owner, "owner");

        assertThat(api().delete("/api/v1/members/" + owner.userId(), owner.accessToken()).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/members", second.accessToken()).items()).hasSize(1);
    }

    @Test
    void aRemovedMemberLosesAccessImmediately() {
        Session owner = api().signup("Removal Co");
        Session agent = teams().addMember(owner, "agent");
        assertThat(api().get("/api/v1/members", agent.accessToken()).status()).isEqualTo(200);

        api().delete("/api/v1/members/" + agent.userId(), owner.accessToken());

        Reply after = api().get("/api/v1/members", agent.accessToken());
        assertThat(after.status()).isEqualTo(403);
        assertThat(after.string("detail")).contains("no longer a member");
    }

    @Test
    void invalidRoleIsAValidationError() {
        Session owner = api().signup("Invalid Role Co");
        Reply reply = api().post("/api/v1/invitations", owner.accessToken(),
                Map.of("email", "someone@example.com", "role", "superuser"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.string("errors.0.field")).isEqualTo("role");
    }

    @Test
    void membersListPagesWithACursor() {
        Session owner = api().signup("Paging Co");
        teams().addMember(owner, "agent");
        teams().addMember(owner, "viewer");

        Reply first = api().get("/api/v1/members?limit=2", owner.accessToken());
        Reply second = api().get("/api/v1/members?limit=2&cursor=" + first.string("nextCursor"), owner.accessToken());

        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(1);
        assertThat(second.at("nextCursor")).isNull();
        assertThat(api().get("/api/v1/members?limit=0", owner.accessToken()).status()).isEqualTo(400);
        assertThat(api().get("/api/v1/members?cursor=garbage!", owner.accessToken()).status()).isEqualTo(400);
    }
}
