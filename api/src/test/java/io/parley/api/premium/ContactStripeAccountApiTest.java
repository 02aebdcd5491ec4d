package io.parley.api.premium;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.Teams;
import io.parley.core.testing.FakeStripe;
import io.parley.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PUT/GET/DELETE /api/v1/premium/stripe-account: checked against Stripe, stored sealed, never returned. */
@MicronautTest(transactional = false)
class ContactStripeAccountApiTest extends PremiumApiTest {

    @Test
    void connectingStoresTheSecretsSealedAndAnswersOnlyTheKeysLastFourCharacters() {
        Session owner = api().signup("Connect Co");

        Reply put = api().send("PUT", "/api/v1/premium/stripe-account", owner.accessToken(),
                account(FakeStripe.CONNECTED_KEY), Map.of());
        Reply get = api().get("/api/v1/premium/stripe-account", owner.accessToken());

        for (Reply reply : new Reply[]{put, get}) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            assertThat(reply.at("configured")).isEqualTo(true);
            assertThat(reply.string("secretKeyLast4")).isEqualTo("0001");
            assertThat(reply.at("livemode")).isEqualTo(false);
            assertThat(reply.string("returnUrl")).isEqualTo("https://shop.example/thanks");
            assertThat(reply.string("webhookUrl")).isEqualTo(PUBLIC_URL + "/webhooks/stripe/" + owner.tenantId());
            assertThat(reply.text()).doesNotContain(FakeStripe.CONNECTED_KEY)
                    .doesNotContain(FakeStripe.CONNECTED_WEBHOOK_SECRET).doesNotContain("whsec_");
        }
        assertThat(stripe.requests("GET", "/v1/checkout/sessions")).anySatisfy(request ->
                assertThat(request.authorization()).isEqualTo("Bearer " + FakeStripe.CONNECTED_KEY));
        String stored = storedRow(owner.tenantId());
        assertThat(stored).startsWith("v1:").doesNotContain(FakeStripe.CONNECTED_KEY)
                .doesNotContain(FakeStripe.CONNECTED_WEBHOOK_SECRET);
        Reply audit = api().get("/api/v1/audit-log?limit=20", owner.accessToken());
        assertThat(audit.items()).extracting(entry -> entry.get("action")).contains("premium.stripe.connected");
        assertThat(audit.text()).doesNotContain(FakeStripe.CONNECTED_KEY);
    }

    @Test
    void aTenantWithoutAnAccountSeesItUnconfiguredWithItsWebhookUrl() {
        Session owner = api().signup("Unconnected Co");

        Reply get = api().get("/api/v1/premium/stripe-account", owner.accessToken());

        assertThat(get.at("configured")).isEqualTo(false);
        assertThat(get.at("secretKeyLast4")).isNull();
        assertThat(get.string("webhookUrl")).isEqualTo(PUBLIC_URL + "/webhooks/stripe/" + owner.tenantId());
    }

    @Test
    void aKeyStripeRefusesIsA400NamingTheKeyAndNothingIsStored() {
        Session owner = api().signup("Wrong Key Co");

        Reply unknown = api().send("PUT", "/api/v1/premium/stripe-account", owner.accessToken(),
                account("sk_test_FAKEunknownFAKEunknown9999"), Map.of());
        Reply withoutCheckout = api().send("PUT", "/api/v1/premium/stripe-account", owner.accessToken(),
                account(FakeStripe.CONNECTED_KEY_WITHOUT_CHECKOUT), Map.of());
        Reply notAKey = api().send("PUT", "/api/v1/premium/stripe-account", owner.accessToken(),
                account("pk_test_publishable"), Map.of());

        assertFieldError(unknown, "secretKey");
        assertThat(unknown.string("detail")).contains("401");
        assertFieldError(withoutCheckout, "secretKey");
        assertThat(withoutCheckout.string("detail")).contains("403");
        assertFieldError(notAKey, "secretKey");
        assertThat(unknown.text() + withoutCheckout.text()).doesNotContain("FAKEunknown")
                .doesNotContain(FakeStripe.CONNECTED_KEY_WITHOUT_CHECKOUT);
        assertThat(api().get("/api/v1/premium/stripe-account", owner.accessToken()).at("configured")).isEqualTo(false);
    }

    @Test
    void whenStripeCannotBeReachedItIsA502AndTheKeyIsNeverLogged() {
        Session owner = api().signup("Down Co");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        stripe.down(true);
        Reply reply;
        try {
            reply = api().send("PUT", "/api/v1/premium/stripe-account", owner.accessToken(),
                    account(FakeStripe.CONNECTED_KEY), Map.of());
        } finally {
            stripe.down(false);
            root.detachAppender(logs);
        }

        assertProblem(reply, 502, "stripe-unavailable");
        assertThat(reply.text()).doesNotContain(FakeStripe.CONNECTED_KEY);
        assertThat(logs.list).isNotEmpty();
        for (ILoggingEvent event : logs.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(FakeStripe.CONNECTED_KEY)
                    .doesNotContain(FakeStripe.CONNECTED_WEBHOOK_SECRET);
            if (event.getThrowableProxy() != null) {
                assertThat(ThrowableProxyUtil.asString(event.getThrowableProxy()))
                        .doesNotContain(FakeStripe.CONNECTED_KEY);
            }
        }
        assertThat(api().get("/api/v1/premium/stripe-account", owner.accessToken()).at("configured")).isEqualTo(false);
    }

    @Test
    void agentsAndViewersMayNeitherReadNorChangeTheAccount() {
        Session owner = connected("Roles Co");
        Teams teams = new Teams(api());
        Session admin = teams.addMember(owner, "admin");
        for (String role : new String[]{"agent", "viewer"}) {
            Session member = teams.addMember(owner, role);
            assertThat(api().get("/api/v1/premium/stripe-account", member.accessToken()).status()).isEqualTo(403);
            assertThat(api().send("PUT", "/api/v1/premium/stripe-account", member.accessToken(),
                    account(FakeStripe.CONNECTED_KEY), Map.of()).status()).isEqualTo(403);
            assertThat(api().delete("/api/v1/premium/stripe-account", member.accessToken()).status()).isEqualTo(403);
        }
        assertThat(api().get("/api/v1/premium/stripe-account", admin.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void disconnectingForgetsTheSecrets() {
        Session owner = connected("Disconnect Co");

        assertThat(api().delete("/api/v1/premium/stripe-account", owner.accessToken()).status()).isEqualTo(204);

        assertThat(api().get("/api/v1/premium/stripe-account", owner.accessToken()).at("configured")).isEqualTo(false);
        assertProblem(api().delete("/api/v1/premium/stripe-account", owner.accessToken()), 404, "not-found");
        assertThat(api().get("/api/v1/audit-log?limit=20", owner.accessToken()).items())
                .extracting(entry -> entry.get("action")).contains("premium.stripe.disconnected");
    }

    @Test
    void unknownPropertiesAndAMalformedWebhookSecretAreRejected() {
        Session owner = api().signup("Strict Co");
        Map<String, Object> extra = new HashMap<>(account(FakeStripe.CONNECTED_KEY));
        extra.put("accountId", "acct_1");
        Map<String, Object> badSecret = new HashMap<>(account(FakeStripe.CONNECTED_KEY));
        badSecret.put("webhookSecret", "not-a-secret");

        assertThat(api().send("PUT", "/api/v1/premium/stripe-account", owner.accessToken(), extra, Map.of())
                .status()).isEqualTo(400);
        assertFieldError(api().send("PUT", "/api/v1/premium/stripe-account", owner.accessToken(), badSecret,
                Map.of()), "webhookSecret");
    }

    private String storedRow(String tenantId) {
        try (Connection connection = TestDatabase.shared().openSuperuserConnection(); var select = connection.prepareStatement(
                "SELECT secret_key_sealed || ' ' || webhook_secret_sealed FROM contact_stripe_accounts "
                        + "WHERE tenant_id = CAST(? AS uuid)")) {
            select.setString(1, tenantId);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
