package io.parley.api.privacy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** POST /api/v1/tenant/close and /reopen (docs/privacy.md "Closing a tenant"). */
@MicronautTest(transactional = false)
class TenantClosureApiTest extends ApiTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.privacy.close-grace-days", "12");
    }

    @Test
    void closingPausesTheBotsUntilTheGraceEndsAndReopeningResumesThem() {
        Session owner = api().signup("Closing Co");
        String active = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Active")).string("id");

        Reply closed = api().post("/api/v1/tenant/close", owner.accessToken(), Map.of());

        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.at("closed")).isEqualTo(true);
        assertThat(Instant.parse(closed.string("deleteAfter")))
                .isCloseTo(Instant.now().plus(Duration.ofDays(12)), within(Duration.ofMinutes(5)));
        assertThat(status(owner, active)).isEqualTo("paused");
        assertThat(api().post("/api/v1/tenant/close", owner.accessToken(), Map.of()).status()).isEqualTo(409);
        assertThat(api().get("/api/v1/audit-log?limit=1", owner.accessToken()).items().getFirst().get("action"))
                .isEqualTo("tenant.closed");

        Reply reopened = api().post("/api/v1/tenant/reopen", owner.accessToken(), Map.of());

        assertThat(reopened.status()).as(reopened.text()).isEqualTo(200);
        assertThat(reopened.at("deleteAfter")).isNull();
        assertThat(status(owner, active)).isEqualTo("active");
        assertThat(api().get("/api/v1/tenant/closure", owner.accessToken()).at("closed")).isEqualTo(false);
        assertThat(api().post("/api/v1/tenant/reopen", owner.accessToken(), Map.of()).status()).isEqualTo(409);
    }

    @Test
    void aBotPausedBeforeTheClosingStaysPausedAfterTheReopening() {
        Session owner = api().signup("Paused Bot Co");
        String bot = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Paused")).string("id");
        api().patch("/api/v1/bots/" + bot, owner.accessToken(), Map.of("status", "paused"));

        api().post("/api/v1/tenant/close", owner.accessToken(), Map.of());
        api().post("/api/v1/tenant/reopen", owner.accessToken(), Map.of());

        assertThat(status(owner, bot)).isEqualTo("paused");
    }

    @Test
    void onlyAnOwnerClosesOrReopens() {
        Session owner = api().signup("Closing Roles Co");
        Session admin = new Teams(api()).addMember(owner, "admin");

        assertThat(api().post("/api/v1/tenant/close", admin.accessToken(), Map.of()).status()).isEqualTo(403);
        assertThat(api().post("/api/v1/tenant/reopen", admin.accessToken(), Map.of()).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/tenant/closure", admin.accessToken()).at("closed")).isEqualTo(false);
    }

    @Test
    void closingOneTenantLeavesAnotherOpen() {
        Session a = api().signup("Closing A");
        Session b = api().signup("Closing B");

        api().post("/api/v1/tenant/close", a.accessToken(), Map.of());

        assertThat(api().get("/api/v1/tenant/closure", b.accessToken()).at("closed")).isEqualTo(false);
    }

    private String status(Session owner, String botId) {
        return api().get("/api/v1/bots/" + botId, owner.accessToken()).string("status");
    }
}
