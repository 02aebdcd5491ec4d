package io.parley.api.alert;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AlertRuleApiTest extends ApiTest {

    private Session owner;

    @BeforeAll
    void workspace() {
        owner = api().signup("Alert Rules Co");
    }

    @Test
    void anOwnerCreatesReadsChangesAndDeletesARule() {
        Reply created = create(owner, Map.of("kind", "llm_failure_rate", "failurePercent", 25, "windowMinutes", 15,
                "minCalls", 20));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.string("id");
        assertThat(created.at("enabled")).isEqualTo(true);
        assertThat(created.at("costMicros")).isNull();

        Reply patched = api().patch("/api/v1/alert-rules/" + id, owner.accessToken(),
                Map.of("enabled", false, "failurePercent", 40));
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.at("enabled")).isEqualTo(false);
        assertThat(patched.at("failurePercent")).isEqualTo(40);
        assertThat(patched.at("windowMinutes")).isEqualTo(15);
        assertThat(api().get("/api/v1/alert-rules/" + id, owner.accessToken()).at("failurePercent")).isEqualTo(40);
        assertThat(api().get("/api/v1/alert-rules", owner.accessToken()).items())
                .anySatisfy(rule -> assertThat(rule.get("id")).isEqualTo(id));

        assertThat(api().delete("/api/v1/alert-rules/" + id, owner.accessToken()).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/alert-rules/" + id, owner.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void eachKindNeedsItsOwnThresholdsAndNoOthers() {
        assertField(Map.of("kind", "llm_daily_cost"), "costMicros", "is required for this kind of rule");
        assertField(Map.of("kind", "handoff_waiting", "waitMinutes", 10, "costMicros", 5),
                "costMicros", "is not used by this kind of rule; leave it out");
        assertField(Map.of("kind", "llm_failure_rate", "failurePercent", 25, "windowMinutes", 15),
                "minCalls", "is required for this kind of rule");
        assertField(Map.of("kind", "budget_spent"), "kind",
                "must be llm_daily_cost, llm_failure_rate, handoff_waiting or credentials_rejected");
        assertField(Map.of("kind", "llm_failure_rate", "failurePercent", 101, "windowMinutes", 15, "minCalls", 1),
                "failurePercent", null);
        Reply unknown = create(owner, Map.of("kind", "credentials_rejected", "channels", List.of()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(create(owner, Map.of("kind", "credentials_rejected")).status()).isEqualTo(201);
    }

    @Test
    void aPatchCannotRemoveWhatTheKindNeedsNorAddWhatItDoesNot() {
        String id = create(owner, Map.of("kind", "llm_daily_cost", "costMicros", 10_000_000)).string("id");
        Map<String, Object> removal = new HashMap<>();
        removal.put("costMicros", null);

        Reply removed = api().patch("/api/v1/alert-rules/" + id, owner.accessToken(), removal);
        assertThat(removed.status()).as(removed.text()).isEqualTo(400);
        assertThat(removed.string("errors.0.field")).isEqualTo("costMicros");
        Reply added = api().patch("/api/v1/alert-rules/" + id, owner.accessToken(), Map.of("waitMinutes", 5));
        assertThat(added.status()).isEqualTo(400);
        assertThat(added.string("errors.0.field")).isEqualTo("waitMinutes");
        assertThat(api().patch("/api/v1/alert-rules/" + id, owner.accessToken(), Map.of("kind", "handoff_waiting"))
                .status()).as("the kind cannot change").isEqualTo(400);
    }

    @Test
    void adminsChangeRulesViewersReadThemAndOtherTenantsGet404() {
        Teams teams = new Teams(api());
        Session admin = teams.addMember(owner, "admin");
        Session viewer = teams.addMember(owner, "viewer");
        Session agent = teams.addMember(owner, "agent");
        Session stranger = api().signup("Alert Stranger Co");
        String id = create(admin, Map.of("kind", "handoff_waiting", "waitMinutes", 10)).string("id");

        assertThat(api().get("/api/v1/alert-rules/" + id, viewer.accessToken()).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/alert-rules", agent.accessToken()).status()).isEqualTo(200);
        assertThat(create(viewer, Map.of("kind", "credentials_rejected")).status()).isEqualTo(403);
        assertThat(create(agent, Map.of("kind", "credentials_rejected")).status()).isEqualTo(403);
        assertThat(api().patch("/api/v1/alert-rules/" + id, viewer.accessToken(), Map.of("enabled", false)).status())
                .isEqualTo(403);
        assertThat(api().delete("/api/v1/alert-rules/" + id, viewer.accessToken()).status()).isEqualTo(403);
        for (Reply reply : List.of(api().get("/api/v1/alert-rules/" + id, stranger.accessToken()),
                api().patch("/api/v1/alert-rules/" + id, stranger.accessToken(), Map.of("enabled", false)),
                api().delete("/api/v1/alert-rules/" + id, stranger.accessToken()),
                api().get("/api/v1/alert-rules/not-an-id", owner.accessToken()))) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(404);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        assertThat(api().get("/api/v1/alert-rules", stranger.accessToken()).items()).isEmpty();
        assertThat(api().get("/api/v1/alert-rules/" + id, owner.accessToken()).at("enabled")).isEqualTo(true);
    }

    private Reply create(Session session, Map<String, Object> body) {
        return api().post("/api/v1/alert-rules", session.accessToken(), body);
    }

    private void assertField(Map<String, Object> body, String field, String detail) {
        Reply reply = create(owner, body);
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.string("errors.0.field")).isEqualTo(field);
        if (detail != null) {
            assertThat(reply.string("errors.0.message")).isEqualTo(detail);
        }
    }
}
