package io.parley.api.admin;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.core.testing.SuperuserSql;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/admin/health: the queue and failing channels of every tenant. */
@MicronautTest(transactional = false)
class PlatformHealthApiTest extends OperatorTest {

    @Test
    void showsAnotherTenantsFailingChannelAndTheQueuesOldestJob() {
        Session owner = api().signup("Failing Channel Co");
        String bot = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "B")).string("id");
        String channel = api().post("/api/v1/bots/" + bot + "/channels", owner.accessToken(),
                Map.of("type", "web", "credentials", Map.of())).string("id");
        SuperuserSql.execute("UPDATE channels SET health = 'unhealthy', health_detail = 'token revoked' WHERE id = ?",
                UUID.fromString(channel));
        SuperuserSql.execute("INSERT INTO jobs (tenant_id, kind, args, scheduled_at) "
                + "VALUES (?, 'operator.test', '{}', now() - interval '90 seconds')", UUID.fromString(owner.tenantId()));

        Reply health = api().get("/api/v1/admin/health", operator().accessToken());

        assertThat(health.status()).as(health.text()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> channels = (List<Map<String, Object>>) health.at("failingChannels");
        assertThat(channels).anySatisfy(failing -> {
            assertThat(failing.get("channelId")).isEqualTo(channel);
            assertThat(failing.get("tenantName")).isEqualTo("Failing Channel Co");
            assertThat(failing.get("detail")).isEqualTo("token revoked");
        });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> queue = (List<Map<String, Object>>) health.at("queue");
        assertThat(queue).anySatisfy(kind -> {
            assertThat(kind.get("kind")).isEqualTo("operator.test");
            assertThat(((Number) kind.get("available")).longValue()).isGreaterThanOrEqualTo(1);
            assertThat(((Number) kind.get("oldestDueSeconds")).doubleValue()).isGreaterThanOrEqualTo(89);
        });
        assertThat(((Number) health.at("oldestJobSeconds")).doubleValue()).isGreaterThanOrEqualTo(89);
        SuperuserSql.execute("DELETE FROM jobs WHERE kind = 'operator.test'");
    }
}
