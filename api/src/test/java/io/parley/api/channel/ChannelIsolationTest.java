package io.parley.api.channel;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tenant A, with a JWT and with an API key, calls every channel endpoint with tenant B's ids: always 404. */
@MicronautTest(transactional = false)
class ChannelIsolationTest extends ApiTest {

    private Workspace tenantA;
    private String keyA;
    private Workspace tenantB;
    private String channelB;

    @BeforeAll
    void twoTenants() {
        tenantA = Workspace.create(api(), "Isolation A");
        keyA = api().post("/api/v1/api-keys", tenantA.owner().accessToken(), Map.of("name", "a", "role", "admin"))
                .string("key");
        tenantB = Workspace.create(api(), "Isolation B");
        channelB = tenantB.connected("line", Workspace.lineCredentials());
    }

    @Test
    void anotherTenantsBotAndChannelAreNotFoundOnEveryEndpoint() {
        for (String credential : new String[]{tenantA.owner().accessToken(), keyA}) {
            assertNotFound(api().get(tenantB.channels(), credential));
            assertNotFound(api().post(tenantB.channels(), credential, Map.of("type", "web", "credentials", Map.of())));
            assertNotFound(api().get(tenantB.channel(channelB), credential));
            assertNotFound(api().patch(tenantB.channel(channelB), credential, Map.of("name", "taken over")));
            assertNotFound(api().delete(tenantB.channel(channelB), credential));
            assertNotFound(api().post(tenantB.channel(channelB) + "/verify", credential, Map.of()));
        }
        Reply untouched = api().get(tenantB.channel(channelB), tenantB.owner().accessToken());
        assertThat(untouched.status()).isEqualTo(200);
        assertThat(untouched.at("name")).isNull();
        assertThat(untouched.string("health")).isEqualTo("unverified");
        assertThat(api().get(tenantB.channels(), tenantB.owner().accessToken()).items()).hasSize(1);
    }

    @Test
    void anotherTenantsChannelUnderYourOwnBotIsNotFound() {
        for (String credential : new String[]{tenantA.owner().accessToken(), keyA}) {
            assertNotFound(api().get(tenantA.channel(channelB), credential));
            assertNotFound(api().patch(tenantA.channel(channelB), credential, Map.of("name", "taken over")));
            assertNotFound(api().delete(tenantA.channel(channelB), credential));
            assertNotFound(api().post(tenantA.channel(channelB) + "/verify", credential, Map.of()));
        }
        assertThat(api().get(tenantB.channel(channelB), tenantB.owner().accessToken()).status()).isEqualTo(200);
    }

    @Test
    void malformedIdsAreNotFoundRatherThanErrors() {
        String token = tenantA.owner().accessToken();
        assertNotFound(api().get("/api/v1/bots/12345/channels", token));
        assertNotFound(api().get(tenantA.channel("%27%20OR%201=1"), token));
        assertNotFound(api().post(tenantA.channel("not-an-id") + "/verify", token, Map.of()));
    }

    @Test
    void listsNeverShowAnotherTenantsChannels() {
        String own = tenantA.connected("web", Map.of());
        assertThat(api().get(tenantA.channels(), keyA).items()).extracting(c -> c.get("id")).containsExactly(own);
        api().delete(tenantA.channel(own), keyA);
    }

    private static void assertNotFound(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
