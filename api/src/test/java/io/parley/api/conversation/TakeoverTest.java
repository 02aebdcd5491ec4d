package io.parley.api.conversation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.EventStream;
import io.parley.api.testing.EventStream.Frame;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class TakeoverTest extends InboxTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void takeoverAndReleaseAreAuditedAndStreamedLive() throws Exception {
        Session owner = api().signup("Takeover Co");
        Session agent = new Teams(api()).addMember(owner, "agent");
        Channel web = channel(owner.tenantId());
        String conversation = conversation(web, "v", "V", "I want a human");

        try (EventStream stream = events(owner.accessToken())) {
            Reply taken = api().post("/api/v1/conversations/" + conversation + "/takeover", agent.accessToken(),
                    Map.of());
            Reply released = api().post("/api/v1/conversations/" + conversation + "/release", agent.accessToken(),
                    Map.of());

            assertThat(taken.status()).as(taken.text()).isEqualTo(200);
            assertThat(taken.at("botPaused")).isEqualTo(true);
            assertThat(taken.string("takenOverBy")).isEqualTo(agent.userId());
            assertThat(taken.string("takenOverAt")).isNotNull();
            assertThat(released.at("botPaused")).isEqualTo(false);
            assertThat(released.at("takenOverBy")).isNull();
            assertThat(released.at("takenOverAt")).isNull();

            Frame takeover = stream.nextEvent(WAIT);
            assertThat(takeover.event()).isEqualTo("conversation.takeover");
            assertThat(json.readValue(takeover.data(), Map.class))
                    .isEqualTo(Map.of("conversationId", conversation, "takenOverBy", agent.userId()));
            Frame release = stream.nextEvent(WAIT);
            assertThat(release.event()).isEqualTo("conversation.released");
            assertThat(json.readValue(release.data(), Map.class)).isEqualTo(Map.of("conversationId", conversation));
            assertThat(Long.parseLong(release.id())).isGreaterThan(Long.parseLong(takeover.id()));
        }

        List<Map<String, Object>> audit = conversationAudit(owner);
        assertThat(audit).extracting(entry -> entry.get("action"))
                .containsExactly("conversation.released", "conversation.taken_over");
        assertThat(audit.get(1).get("details")).isEqualTo(Map.of("via", "takeover"));
        Map<String, Object> releaseDetails = new HashMap<>();
        releaseDetails.put("previouslyTakenOverBy", agent.userId());
        assertThat(audit.get(0).get("details")).isEqualTo(releaseDetails);
        assertThat((Map<String, Object>) audit.get(0).get("actor")).containsEntry("id", agent.userId());
    }

    @Test
    void repeatingTheCurrentStateChangesAndRecordsNothing() {
        Session owner = api().signup("Idempotent Co");
        Channel web = channel(owner.tenantId());
        String conversation = conversation(web, "w", "W", "hi");
        String path = "/api/v1/conversations/" + conversation;

        assertThat(api().post(path + "/release", owner.accessToken(), Map.of()).at("botPaused")).isEqualTo(false);
        String firstAt = api().post(path + "/takeover", owner.accessToken(), Map.of()).string("takenOverAt");
        String againAt = api().post(path + "/takeover", owner.accessToken(), Map.of()).string("takenOverAt");

        assertThat(againAt).isEqualTo(firstAt);
        assertThat(conversationAudit(owner)).extracting(entry -> entry.get("action"))
                .containsExactly("conversation.taken_over");
    }

    @Test
    void takingOverFromAnotherAgentMovesTheConversationAndSaysFromWhom() {
        Session owner = api().signup("Handover Co");
        Session first = new Teams(api()).addMember(owner, "agent");
        Channel web = channel(owner.tenantId());
        String conversation = conversation(web, "h", "H", "hi");
        String path = "/api/v1/conversations/" + conversation + "/takeover";

        api().post(path, first.accessToken(), Map.of());
        Reply moved = api().post(path, owner.accessToken(), Map.of());

        assertThat(moved.string("takenOverBy")).isEqualTo(owner.userId());
        assertThat(conversationAudit(owner).getFirst().get("details"))
                .isEqualTo(Map.of("via", "takeover", "previouslyTakenOverBy", first.userId()));
    }

    @Test
    void viewersCanNeitherTakeOverNorRelease() {
        Session owner = api().signup("Viewer Takeover Co");
        Session viewer = new Teams(api()).addMember(owner, "viewer");
        Channel web = channel(owner.tenantId());
        String conversation = conversation(web, "q", "Q", "hi");

        assertProblem(api().post("/api/v1/conversations/" + conversation + "/takeover", viewer.accessToken(),
                Map.of()), 403, "forbidden");
        assertProblem(api().post("/api/v1/conversations/" + conversation + "/release", viewer.accessToken(),
                Map.of()), 403, "forbidden");
        assertThat(api().get("/api/v1/conversations/" + conversation, viewer.accessToken()).at("botPaused"))
                .isEqualTo(false);
    }

    private List<Map<String, Object>> conversationAudit(Session owner) {
        return api().get("/api/v1/audit-log", owner.accessToken()).items().stream()
                .filter(entry -> "conversation".equals(entry.get("targetType"))).toList();
    }
}
