package io.parley.api.premium;

import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.core.bot.BotRepository;
import io.parley.core.contact.ContactRepository;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.FakeStripe;
import io.parley.core.testing.TestChannels;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Base of the premium-tier API tests: a fake Stripe whose connected account is the tenants' own. */
abstract class PremiumApiTest extends ApiTest {

    static final String PUBLIC_URL = "https://parley.example";

    final FakeStripe stripe = FakeStripe.start();

    @Inject
    TenantScope scope;
    @Inject
    BotRepository bots;
    @Inject
    DataSource dataSource;
    @Inject
    ContactRepository contacts;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("parley.stripe.api-url", stripe.url()); // no STRIPE_API_KEY: Parley's own billing is off
        properties.put("parley.public-url", PUBLIC_URL);
        return properties;
    }

    @AfterAll
    void stopStripe() {
        stripe.close();
    }

    static Map<String, Object> account(String secretKey) {
        return Map.of("secretKey", secretKey, "webhookSecret", FakeStripe.CONNECTED_WEBHOOK_SECRET,
                "returnUrl", "https://shop.example/thanks");
    }

    Session connected(String tenantName) {
        Session owner = api().signup(tenantName);
        Reply reply = api().send("PUT", "/api/v1/premium/stripe-account", owner.accessToken(),
                account(FakeStripe.CONNECTED_KEY), Map.of());
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return owner;
    }

    String offer(Session owner) {
        Reply reply = api().post("/api/v1/premium/offers", owner.accessToken(), Map.of("name", "Premium monthly",
                "stripePriceId", FakeStripe.CONTACT_PRICE, "tier", "premium"));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.string("id");
    }

    String contact(Session owner) {
        TenantId tenant = TenantId.parse(owner.tenantId()).orElseThrow();
        UUID channel = new TestChannels(scope, bots, dataSource).webChannel(tenant);
        return scope.write(tenant, () -> contacts.upsertByIdentity(tenant.value(), channel,
                "web-" + UUID.randomUUID(), "Mei", null)).contact().id().toString();
    }

    static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.string("type")).isEqualTo("https://parley.dev/problems/" + type);
    }

    static void assertFieldError(Reply reply, String field) {
        assertProblem(reply, 400, "validation-failed");
        assertThat(reply.string("errors.0.field")).as(reply.text()).isEqualTo(field);
    }
}
