package io.parley.api.push;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.webpush.WebPush;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** PARLEY_WEBPUSH_ENABLED=false: no key, no subscription, no push job. */
@MicronautTest(transactional = false)
class PushDisabledApiTest extends ApiTest {

    @Inject
    WebPush webPush;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.webpush.enabled", "false");
    }

    @Test
    void webPushOffHasNoKeyAcceptsNoSubscriptionAndQueuesNoPush() {
        Session owner = api().signup("Push Off Co");

        Reply key = api().get("/api/v1/push/public-key", owner.accessToken());
        Reply subscribe = api().post("/api/v1/push/subscriptions", owner.accessToken(), Map.of("endpoint",
                "https://push.example/off", "keys", Map.of("p256dh", "x", "auth", "y")));

        assertThat(key.status()).isEqualTo(404);
        assertThat(key.string("detail")).isEqualTo(PushController.OFF);
        assertThat(subscribe.status()).isEqualTo(404);
        assertThat(webPush.jobs(new TenantId(UUID.fromString(owner.tenantId())), UUID.randomUUID(), Role.AGENT))
                .isEmpty();
    }
}
