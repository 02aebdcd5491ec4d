package io.parley.api.billing;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans are configuration (parley.plans.*): an operator changes a default plan's limits, adds a plan, and the
 * catalogue and the limits enforced follow — no SQL. (PARLEY_PLANS_FREE_MAX_MEMBERS=2 etc. bind the same keys.)
 */
@MicronautTest(transactional = false)
class PlanConfigurationTest extends ApiTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "parley.plans.free.max-bots", "2",
                "parley.plans.free.max-members", "2",
                "parley.plans.free.features", "Two bots,Two people",
                "parley.plans.enterprise.name", "Enterprise",
                "parley.plans.enterprise.order", "9",
                "parley.plans.enterprise.monthly-price-cents", "49900",
                "parley.plans.enterprise.max-messages-per-month", "1000000");
    }

    @Test
    void theCatalogueIsTheConfiguration() {
        Session owner = api().signup("Catalogue Co");

        Reply plans = api().get("/api/v1/plans", owner.accessToken());

        assertThat(plans.text()).contains("\"id\":\"enterprise\"", "\"name\":\"Enterprise\"",
                "\"monthlyPriceCents\":49900", "\"features\":[\"Two bots\",\"Two people\"]");
        assertThat(plans.text().indexOf("\"business\"")).isLessThan(plans.text().indexOf("\"enterprise\""));
    }

    @Test
    void aConfiguredLimitIsTheLimitEnforced() {
        Session owner = api().signup("Two Bots Co");

        assertThat(api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "one")).status()).isEqualTo(201);
        assertThat(api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "two")).status()).isEqualTo(201);
        Reply third = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "three"));

        assertThat(third.status()).isEqualTo(402);
        assertThat(third.text()).contains("plan-limit-reached");
    }

    @Test
    void theMembersLimitStopsInvitationsAndAcceptancesBeyondIt() {
        Session owner = api().signup("Small Team Co");
        Session first = api().signup("First's own");
        Session second = api().signup("Second's own");
        String firstToken = api().post("/api/v1/invitations", owner.accessToken(),
                Map.of("email", first.email(), "role", "agent")).string("token");
        String secondToken = api().post("/api/v1/invitations", owner.accessToken(),
                Map.of("email", second.email(), "role", "agent")).string("token");

        assertThat(api().post("/api/v1/invitations/accept", first.accessToken(), Map.of("token", firstToken)).status())
                .isEqualTo(200);
        Reply late = api().post("/api/v1/invitations/accept", second.accessToken(), Map.of("token", secondToken));
        Reply more = api().post("/api/v1/invitations", owner.accessToken(),
                Map.of("email", "third@example.com", "role", "viewer"));

        assertThat(late.status()).isEqualTo(402);
        assertThat(late.text()).contains("plan.maxMembers");
        assertThat(more.status()).isEqualTo(402);
        assertThat(api().get("/api/v1/tenant", owner.accessToken()).at("usage.members")).isEqualTo(2);
    }
}
