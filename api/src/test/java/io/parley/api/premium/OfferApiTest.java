package io.parley.api.premium;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.Teams;
import io.parley.core.testing.FakeStripe;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/v1/premium/offers: prices checked in the tenant's Stripe, admins write, every member reads, tenants apart. */
@MicronautTest(transactional = false)
class OfferApiTest extends PremiumApiTest {

    @Test
    void anAdminCreatesChangesAndDeletesAnOfferWhoseCheckoutPlaceholderItAnswers() {
        Session owner = connected("Offer Co");

        Reply created = api().post("/api/v1/premium/offers", owner.accessToken(), Map.of("name", "Premium monthly",
                "stripePriceId", FakeStripe.CONTACT_PRICE, "tier", "premium"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.string("id");
        assertThat(created.string("placeholder")).isEqualTo("{{checkoutUrl:" + id + "}}");
        assertThat(stripe.requests("GET", "/v1/prices/" + FakeStripe.CONTACT_PRICE)).isNotEmpty();
        assertThat(api().get("/api/v1/premium/offers", owner.accessToken()).items())
                .extracting(offer -> offer.get("id")).containsExactly(id);

        Reply renamed = api().patch("/api/v1/premium/offers/" + id, owner.accessToken(),
                Map.of("name", "Gold", "tier", "gold"));
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(renamed.string("name")).isEqualTo("Gold");
        assertThat(renamed.string("tier")).isEqualTo("gold");
        assertThat(renamed.string("stripePriceId")).isEqualTo(FakeStripe.CONTACT_PRICE);

        assertThat(api().delete("/api/v1/premium/offers/" + id, owner.accessToken()).status()).isEqualTo(204);
        assertProblem(api().get("/api/v1/premium/offers/" + id, owner.accessToken()), 404, "not-found");
        assertThat(api().get("/api/v1/audit-log?limit=20", owner.accessToken()).items())
                .extracting(entry -> entry.get("action"))
                .contains("premium.offer.created", "premium.offer.updated", "premium.offer.deleted");
    }

    @Test
    void aPriceStripeDoesNotKnowOrThatIsNotRecurringIsA400() {
        Session owner = connected("Price Co");
        stripe.price("price_FAKE_one_time", false);

        assertFieldError(api().post("/api/v1/premium/offers", owner.accessToken(), Map.of("name", "Typo",
                "stripePriceId", "price_FAKE_typo", "tier", "premium")), "stripePriceId");
        assertFieldError(api().post("/api/v1/premium/offers", owner.accessToken(), Map.of("name", "Once",
                "stripePriceId", "price_FAKE_one_time", "tier", "premium")), "stripePriceId");
        assertFieldError(api().post("/api/v1/premium/offers", owner.accessToken(), Map.of("name", "Bad tier",
                "stripePriceId", FakeStripe.CONTACT_PRICE, "tier", "Premium!")), "tier");
    }

    @Test
    void withoutAConnectedAccountOrForAPriceAlreadySoldItIsAConflict() {
        Session unconnected = api().signup("No Account Co");
        Session owner = connected("Twice Co");
        offer(owner);

        assertProblem(api().post("/api/v1/premium/offers", unconnected.accessToken(), Map.of("name", "P",
                "stripePriceId", FakeStripe.CONTACT_PRICE, "tier", "premium")), 409, "conflict");
        assertProblem(api().post("/api/v1/premium/offers", owner.accessToken(), Map.of("name", "Again",
                "stripePriceId", FakeStripe.CONTACT_PRICE, "tier", "premium")), 409, "conflict");
    }

    @Test
    void aPatchCannotRemoveAFieldNorCarryUnknownOnes() {
        Session owner = connected("Patch Co");
        String id = offer(owner);
        Map<String, Object> removal = new HashMap<>();
        removal.put("name", null);

        assertFieldError(api().patch("/api/v1/premium/offers/" + id, owner.accessToken(), removal), "name");
        assertThat(api().patch("/api/v1/premium/offers/" + id, owner.accessToken(), Map.of("price", 5)).status())
                .isEqualTo(400);
    }

    @Test
    void everyMemberReadsOffersButOnlyAdminsWriteThem() {
        Session owner = connected("Offer Roles Co");
        String id = offer(owner);
        Teams teams = new Teams(api());
        for (String role : new String[]{"agent", "viewer"}) {
            Session member = teams.addMember(owner, role);
            assertThat(api().get("/api/v1/premium/offers", member.accessToken()).items()).hasSize(1);
            assertThat(api().post("/api/v1/premium/offers", member.accessToken(), Map.of("name", "X",
                    "stripePriceId", FakeStripe.CONTACT_PRICE, "tier", "premium")).status()).isEqualTo(403);
            assertThat(api().patch("/api/v1/premium/offers/" + id, member.accessToken(), Map.of("name", "Y"))
                    .status()).isEqualTo(403);
            assertThat(api().delete("/api/v1/premium/offers/" + id, member.accessToken()).status()).isEqualTo(403);
        }
    }

    @Test
    void anotherTenantsOfferIsNotFound() {
        Session mine = connected("Mine Co");
        Session theirs = connected("Theirs Co");
        String their = offer(theirs);

        assertProblem(api().get("/api/v1/premium/offers/" + their, mine.accessToken()), 404, "not-found");
        assertProblem(api().patch("/api/v1/premium/offers/" + their, mine.accessToken(), Map.of("name", "Mine")),
                404, "not-found");
        assertProblem(api().delete("/api/v1/premium/offers/" + their, mine.accessToken()), 404, "not-found");
        assertThat(api().get("/api/v1/premium/offers", mine.accessToken()).items()).isEmpty();
        assertThat(api().get("/api/v1/premium/offers/" + their, theirs.accessToken()).string("name"))
                .isEqualTo("Premium monthly");
    }

    @Test
    void theOffersPlaceholderIsAcceptedInWelcomeAndLimitMessagesButNotInThePersonaOrFallback() {
        Session owner = connected("Placeholder Co");
        String placeholder = "{{checkoutUrl:" + offer(owner) + "}}";

        Reply bot = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Mei",
                "welcomeMessage", "Hi! Go premium: " + placeholder, "limitMessage", "Unlimited chat: " + placeholder));

        assertThat(bot.status()).as(bot.text()).isEqualTo(201);
        assertThat(bot.string("limitMessage")).isEqualTo("Unlimited chat: " + placeholder);
        assertFieldError(api().patch("/api/v1/bots/" + bot.string("id"), owner.accessToken(),
                Map.of("persona", "You sell " + placeholder)), "persona");
        assertFieldError(api().patch("/api/v1/bots/" + bot.string("id"), owner.accessToken(),
                Map.of("fallbackMessage", "Pay " + placeholder)), "fallbackMessage");
    }
}
