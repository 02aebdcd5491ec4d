package io.parley.worker.turn;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.premium.CheckoutLinkSigner;
import io.parley.core.premium.ContactPremiumRepository;
import io.parley.core.premium.ContactStripeAccounts;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobHandler;
import io.parley.core.testing.FakeStripe;
import io.parley.worker.testing.ContactStripe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "20 free messages a day, premium unlimited" bot, end to end in the worker: the limit message carries the
 * contact's own checkout link; the tenant's Stripe reports the paid subscription to the tenant's webhook; the contact
 * becomes premium and is no longer limited; the subscription is deleted and the contact is free (and limited) again.
 */
@MicronautTest(transactional = false)
class ContactPremiumTurnTest extends TurnTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/api/v1/public/checkout/(pco_\\S+)");

    private final FakeStripe stripe = FakeStripe.start();

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    ContactPremiumRepository premium;
    @Inject
    ContactStripeAccounts accounts;
    @Inject
    CheckoutLinkSigner signer;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.LinkedHashMap<>(super.getProperties());
        properties.put("parley.stripe.api-url", stripe.url());
        return properties;
    }

    @AfterAll
    void stopStripe() {
        stripe.close();
    }

    @Test
    void aContactWhoPaysThroughTheLimitMessagesLinkIsUnlimitedUntilTheSubscriptionEnds() {
        BotSpec spec = BotSpec.demo();
        spec.perDay = 2;
        spec.tierLimits = "{\"premium\": {}}";
        World world = world(spec, "line");
        UUID offer = new ContactStripe(scope, premium, accounts).connect(world.tenant(),
                FakeStripe.CONNECTED_WEBHOOK_SECRET);
        scope.writeVoid(world.tenant(), () -> sql("UPDATE bots SET limit_message = ? WHERE tenant_id = ? AND id = ?",
                "That's today's 2 free messages. Unlimited chat: {{checkoutUrl:" + offer + "}}",
                world.tenant().value(), world.bot()));
        say(world, "U1", "one");
        say(world, "U1", "two");

        UUID limited = say(world, "U1", "three");

        String limitMessage = replyTexts(world, limited).getFirst();
        Matcher link = LINK.matcher(limitMessage);
        assertThat(link.find()).as(limitMessage).isTrue();
        UUID contact = contactOf(world, limited).id();
        assertThat(signer.verify(link.group(1))).hasValueSatisfying(claims -> {
            assertThat(claims.contact()).isEqualTo(contact);
            assertThat(claims.offer()).isEqualTo(offer);
        });

        String subscription = "sub_T" + ContactStripe.suffix();
        stripe.subscription(subscription, ContactStripe.customer(contact), "active", FakeStripe.CONTACT_PRICE);
        stripe.subscriptionMetadata(subscription, ContactStripe.metadata(world.tenant(), contact, offer));
        deliver(world, "stripe-event-checkout-session-completed.json", subscription, contact);

        assertThat(contactOf(world, limited).tier()).isEqualTo("premium");
        for (int i = 4; i <= 8; i++) {
            UUID message = say(world, "U1", "message " + i);
            assertThat(replyTexts(world, message)).as("message %d", i).singleElement().asString()
                    .startsWith("Demo reply from");
        }

        stripe.subscription(subscription, ContactStripe.customer(contact), "canceled", FakeStripe.CONTACT_PRICE);
        stripe.subscriptionMetadata(subscription, ContactStripe.metadata(world.tenant(), contact, offer));
        deliver(world, "stripe-event-customer-subscription-deleted.json", subscription, contact);

        UUID afterEnd = say(world, "U1", "still there?");
        assertThat(contactOf(world, afterEnd).tier()).isEqualTo("free");
        assertThat(replyTexts(world, afterEnd)).noneMatch(text -> text.startsWith("Demo reply from"));
    }

    private void deliver(World world, String fixture, String subscription, UUID contact) {
        String body = ContactStripe.event(fixture, "evt_T" + ContactStripe.suffix(), subscription, contact);
        assertThat(ContactStripe.post(URI.create(server.getURL().toString()), world.tenant().toString(), body,
                ContactStripe.sign(body, FakeStripe.CONNECTED_WEBHOOK_SECRET))).isEqualTo(200);
        var row = rowOfLastJob(world);
        JobHandler handler = context.getBeansOfType(JobHandler.class).stream()
                .filter(candidate -> candidate.kind().equals("premium.stripe-event")).findFirst().orElseThrow();
        try {
            handler.run(new Job(row.id(), world.tenant(), row.kind(), row.args(), 1, 10));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record JobRow(long id, String kind, String args) {
    }

    private JobRow rowOfLastJob(World world) {
        return scope.read(world.tenant(), () -> {
            try (var connection = dataSource.getConnection(); var select = connection.prepareStatement("""
                    SELECT id, kind, CAST(args AS text) FROM jobs WHERE tenant_id = ? AND kind = 'premium.stripe-event'
                    ORDER BY id DESC LIMIT 1""")) {
                select.setObject(1, world.tenant().value());
                try (var rows = select.executeQuery()) {
                    rows.next();
                    return new JobRow(rows.getLong(1), rows.getString(2), rows.getString(3));
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
