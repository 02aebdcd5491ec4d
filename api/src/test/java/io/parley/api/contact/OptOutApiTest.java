package io.parley.api.contact;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class OptOutApiTest extends ContactTest {

    @Test
    void aContactOptedOutByHandIsOnTheSuppressionListUntilOptedIn() {
        Session owner = api().signup("Opt Out Co");
        UUID line = channel(owner.tenantId(), "line");
        UUID telegram = channel(owner.tenantId(), "telegram");
        String id = contact(owner.tenantId(), line, "U0000000000000000000000000000000a", "Two channels");
        scope.writeVoid(tenant(owner.tenantId()), () -> contacts.upsert(tenant(owner.tenantId()).value(),
                UUID.fromString(id), io.parley.core.tenancy.Ids.next(), telegram, "42", null, null));

        Reply onTelegram = api().post("/api/v1/contacts/" + id + "/opt-out", owner.accessToken(),
                Map.of("channelId", telegram.toString()));
        assertThat(optedOut(onTelegram)).isEqualTo(Map.of(line.toString(), false, telegram.toString(), true));
        assertThat(onTelegram.at("identities.1.optOutSource")).isEqualTo("api");

        Reply everywhere = api().post("/api/v1/contacts/" + id + "/opt-out", owner.accessToken(), Map.of());
        assertThat(optedOut(everywhere)).isEqualTo(Map.of(line.toString(), true, telegram.toString(), true));

        Reply back = api().post("/api/v1/contacts/" + id + "/opt-in", owner.accessToken(),
                Map.of("channelId", line.toString()));
        assertThat(optedOut(back)).isEqualTo(Map.of(line.toString(), false, telegram.toString(), true));
        assertFieldError(api().post("/api/v1/contacts/" + id + "/opt-out", owner.accessToken(),
                Map.of("channelId", webChannel(owner.tenantId()).toString())), "channelId");
    }

    @Test
    void anUnfollowPutsTheIdentityOnTheListAndAFollowTakesItOffButNotAnOptOutByHand() {
        Session owner = api().signup("Unfollow Co");
        UUID line = channel(owner.tenantId(), "line");
        String unfollower = contact(owner.tenantId(), line, "U0000000000000000000000000000000b", "Unfollower");
        String asked = contact(owner.tenantId(), line, "U0000000000000000000000000000000c", "Asked");
        api().post("/api/v1/contacts/" + asked + "/opt-out", owner.accessToken(), Map.of());

        setFollowing(owner, line, "U0000000000000000000000000000000b", false);
        setFollowing(owner, line, "U0000000000000000000000000000000c", false);
        assertThat(api().get("/api/v1/contacts/" + unfollower, owner.accessToken()).at("identities.0.optOutSource"))
                .isEqualTo("unfollow");
        assertThat(api().get("/api/v1/contacts/" + asked, owner.accessToken()).at("identities.0.optOutSource"))
                .isEqualTo("api");

        setFollowing(owner, line, "U0000000000000000000000000000000b", true);
        setFollowing(owner, line, "U0000000000000000000000000000000c", true);
        assertThat(api().get("/api/v1/contacts/" + unfollower, owner.accessToken()).at("identities.0.optedOut"))
                .isEqualTo(false);
        assertThat(api().get("/api/v1/contacts/" + asked, owner.accessToken()).at("identities.0.optedOut"))
                .isEqualTo(true);
    }

    @Test
    void keywordsDefaultToStopUnsubscribeAndTuiDingAndAdminsMayReplaceThem() {
        Session owner = api().signup("Keywords Co");
        Session agent = new Teams(api()).addMember(owner, "agent");

        Reply defaults = api().get("/api/v1/opt-out-settings", agent.accessToken());
        assertThat(defaults.at("keywords")).isEqualTo(List.of("STOP", "UNSUBSCRIBE", "退訂"));
        assertThat(defaults.at("custom")).isEqualTo(false);

        assertProblem(api().patch("/api/v1/opt-out-settings", agent.accessToken(), Map.of("keywords", List.of("X"))),
                403, "forbidden");
        Reply custom = api().patch("/api/v1/opt-out-settings", owner.accessToken(),
                Map.of("keywords", List.of(" 取消訂閱 ", "STOP", "STOP")));
        assertThat(custom.at("keywords")).isEqualTo(List.of("取消訂閱", "STOP"));
        assertThat(custom.at("custom")).isEqualTo(true);
        assertThat(api().get("/api/v1/opt-out-settings", owner.accessToken()).at("keywords"))
                .isEqualTo(List.of("取消訂閱", "STOP"));

        assertFieldError(api().patch("/api/v1/opt-out-settings", owner.accessToken(), Map.of("keywords", List.of())),
                "keywords");
        Map<String, Object> reset = new HashMap<>();
        reset.put("keywords", null);
        assertThat(api().patch("/api/v1/opt-out-settings", owner.accessToken(), reset).at("custom")).isEqualTo(false);
        assertThat(api().get("/api/v1/opt-out-settings", owner.accessToken()).at("keywords"))
                .isEqualTo(List.of("STOP", "UNSUBSCRIBE", "退訂"));
    }

    @Test
    void anotherTenantsContactCannotBeOptedOutOrIn() {
        Session a = api().signup("Opt A");
        Session b = api().signup("Opt B");
        String contactOfB = contact(b.tenantId(), channel(b.tenantId(), "line"), "U0000000000000000000000000000000d",
                "B's");

        assertProblem(api().post("/api/v1/contacts/" + contactOfB + "/opt-out", a.accessToken(), Map.of()), 404,
                "not-found");
        assertProblem(api().post("/api/v1/contacts/" + contactOfB + "/opt-in", a.accessToken(), Map.of()), 404,
                "not-found");
        assertThat(api().get("/api/v1/contacts/" + contactOfB, b.accessToken()).at("identities.0.optedOut"))
                .isEqualTo(false);
    }

    private void setFollowing(Session owner, UUID channel, String userId, boolean following) {
        scope.writeVoid(tenant(owner.tenantId()), () -> contacts.setFollowing(tenant(owner.tenantId()).value(),
                channel, userId, following));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> optedOut(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        Map<String, Object> byChannel = new HashMap<>();
        for (Map<String, Object> identity : (List<Map<String, Object>>) reply.at("identities")) {
            byChannel.put((String) identity.get("channelId"), identity.get("optedOut"));
        }
        return byChannel;
    }
}
