package io.parley.api.premium;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.Teams;
import io.parley.core.premium.CheckoutLinkSigner;
import io.parley.core.premium.ContactSubscriptionRepository;
import io.parley.core.tenancy.TenantId;
import io.parley.core.testing.FakeStripe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A contact's checkout links (Parley's own link that makes the Stripe Checkout Session when opened) and its
 * subscriptions as the contact panel shows them.
 */
@MicronautTest(transactional = false)
class ContactCheckoutApiTest extends PremiumApiTest {

    @Inject
    CheckoutLinkSigner signer;
    @Inject
    ContactSubscriptionRepository subscriptions;

    @Test
    void anAgentsLinkOpensAStripeCheckoutMadeForThatContactAndOffer() {
        Session owner = connected("Link Co");
        String offer = offer(owner);
        String contact = contact(owner);
        Session agent = new Teams(api()).addMember(owner, "agent");

        Reply link = api().post("/api/v1/contacts/" + contact + "/checkout-links", agent.accessToken(),
                Map.of("offerId", offer));

        assertThat(link.status()).as(link.text()).isEqualTo(201);
        assertThat(link.string("url")).startsWith(PUBLIC_URL + "/api/v1/public/checkout/pco_");
        assertThat(Instant.parse(link.string("expiresAt")))
                .isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(Duration.ofMinutes(5)));

        Reply opened = open(link.string("url"));

        assertThat(opened.status()).as(opened.text()).isEqualTo(303);
        assertThat(opened.header("Location")).startsWith(stripe.url() + "/checkout/cs_test_");
        FakeStripe.Request session = stripe.requests("POST", "/v1/checkout/sessions").stream()
                .filter(request -> contact.equals(request.form().get("client_reference_id"))).findFirst()
                .orElseThrow();
        assertThat(session.authorization()).isEqualTo("Bearer " + FakeStripe.CONNECTED_KEY);
        assertThat(session.form()).containsEntry("mode", "subscription")
                .containsEntry("line_items[0][price]", FakeStripe.CONTACT_PRICE)
                .containsEntry("metadata[parley_tenant_id]", owner.tenantId())
                .containsEntry("metadata[parley_offer_id]", offer)
                .containsEntry("subscription_data[metadata][parley_contact_id]", contact)
                .containsEntry("success_url", "https://shop.example/thanks");
        assertThat(api().get("/api/v1/audit-log?limit=30", owner.accessToken()).items())
                .extracting(entry -> entry.get("action")).contains("contact.checkout_link_created");
    }

    @Test
    void eachOpeningMakesAFreshSessionSoTheLinkOutlivesStripesTwentyFourHours() {
        Session owner = connected("Fresh Co");
        String url = api().post("/api/v1/contacts/" + contact(owner) + "/checkout-links", owner.accessToken(),
                Map.of("offerId", offer(owner))).string("url");

        String first = open(url).header("Location");
        String second = open(url).header("Location");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void anotherTenantsContactOrOfferIsNotFound() {
        Session mine = connected("Mine Link Co");
        Session theirs = connected("Theirs Link Co");
        String myOffer = offer(mine);
        String myContact = contact(mine);

        assertProblem(api().post("/api/v1/contacts/" + contact(theirs) + "/checkout-links", mine.accessToken(),
                Map.of("offerId", myOffer)), 404, "not-found");
        assertProblem(api().post("/api/v1/contacts/" + myContact + "/checkout-links", mine.accessToken(),
                Map.of("offerId", offer(theirs))), 404, "not-found");
        assertProblem(api().get("/api/v1/contacts/" + contact(theirs) + "/subscriptions", mine.accessToken()),
                404, "not-found");
    }

    @Test
    void aBlockedContactOrATenantWithoutStripeGetsNoLinkAndViewersMakeNone() {
        Session owner = connected("Blocked Co");
        String offer = offer(owner);
        String blocked = contact(owner);
        api().patch("/api/v1/contacts/" + blocked, owner.accessToken(), Map.of("blocked", true));
        Session viewer = new Teams(api()).addMember(owner, "viewer");

        assertProblem(api().post("/api/v1/contacts/" + blocked + "/checkout-links", owner.accessToken(),
                Map.of("offerId", offer)), 409, "conflict");
        assertThat(api().post("/api/v1/contacts/" + contact(owner) + "/checkout-links", viewer.accessToken(),
                Map.of("offerId", offer)).status()).isEqualTo(403);
        api().delete("/api/v1/premium/stripe-account", owner.accessToken());
        assertProblem(api().post("/api/v1/contacts/" + contact(owner) + "/checkout-links", owner.accessToken(),
                Map.of("offerId", offer)), 409, "conflict");
    }

    @Test
    void anAlteredOrExpiredLinkIsRefused() {
        Session owner = connected("Expired Co");
        String offer = offer(owner);
        String contact = contact(owner);
        TenantId tenant = TenantId.parse(owner.tenantId()).orElseThrow();
        String expired = signer.sign(tenant, UUID.fromString(contact), UUID.fromString(offer),
                Instant.now().minusSeconds(60));
        String url = api().post("/api/v1/contacts/" + contact + "/checkout-links", owner.accessToken(),
                Map.of("offerId", offer)).string("url");
        String token = url.substring(url.lastIndexOf('/') + 1);
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        Reply expiredReply = api().get("/api/v1/public/checkout/" + expired, null);
        assertProblem(expiredReply, 401, "invalid-token");
        assertThat(expiredReply.string("detail")).contains("expired");
        assertProblem(api().get("/api/v1/public/checkout/" + altered, null), 401, "invalid-token");
    }

    @Test
    void aContactAlreadySubscribedToTheOfferIsNotSentToPayTwice() {
        Session owner = connected("Twice Pay Co");
        String offer = offer(owner);
        String contact = contact(owner);
        String url = api().post("/api/v1/contacts/" + contact + "/checkout-links", owner.accessToken(),
                Map.of("offerId", offer)).string("url");
        subscribed(owner, contact, offer, "active");

        assertProblem(open(url), 409, "conflict");
    }

    @Test
    void theContactsSubscriptionsShowOfferStatusAndPeriodEnd() {
        Session owner = connected("Panel Co");
        String offer = offer(owner);
        String contact = contact(owner);
        subscribed(owner, contact, offer, "past_due");
        Session viewer = new Teams(api()).addMember(owner, "viewer");

        Reply list = api().get("/api/v1/contacts/" + contact + "/subscriptions", viewer.accessToken());

        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.items()).singleElement().satisfies(subscription -> {
            assertThat(subscription).containsEntry("offerId", offer).containsEntry("offerName", "Premium monthly")
                    .containsEntry("status", "past_due").containsEntry("tier", "premium")
                    .containsEntry("cancelAtPeriodEnd", true);
            assertThat(subscription.get("currentPeriodEnd")).isNotNull();
        });
    }

    private void subscribed(Session owner, String contact, String offer, String status) {
        TenantId tenant = TenantId.parse(owner.tenantId()).orElseThrow();
        scope.writeVoid(tenant, () -> subscriptions.save(tenant.value(), "sub_T" + UUID.randomUUID().toString()
                        .substring(0, 8), UUID.fromString(contact), UUID.fromString(offer), "cus_T1", status,
                "premium", "free", Instant.now().plus(Duration.ofDays(20)), true));
    }

    /** Opens a link as the contact's browser would (the client does not follow the redirect). */
    private Reply open(String url) {
        return api().get(url.substring(PUBLIC_URL.length()), null);
    }
}
