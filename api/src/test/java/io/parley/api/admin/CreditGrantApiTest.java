package io.parley.api.admin;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.core.testing.FakeStripe;
import io.parley.core.testing.FakeStripeBalances.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Granting credit from the operator console against a local fake Stripe: a customer balance transaction applied once
 * (also when stripe-java or the caller retries), shown to the tenant and the operator, audited, and refused to
 * everyone but a platform admin. Stripe's read timeout is 3 s here (not the default 10 s), so a lost answer is
 * retried within the test, which proves the setting is read.
 */
@MicronautTest(transactional = false)
class CreditGrantApiTest extends OperatorTest {

    private final FakeStripe stripe = FakeStripe.start();

    @Override
    protected Map<String, String> moreProperties() {
        Map<String, String> properties = new LinkedHashMap<>(stripe.properties());
        properties.put("parley.stripe.timeout", "3s");
        return properties;
    }

    @AfterAll
    void stopStripe() {
        stripe.close();
    }

    @Test
    void aGrantCreditsTheTenantsStripeBalanceOnceAndTheTenantSeesIt() {
        Session owner = api().signup("Credited Co");

        Reply granted = grant(owner.tenantId(), Map.of("amount", 2500, "reason", "Outage on 3 December"), Map.of());

        assertThat(granted.status()).as(granted.text()).isEqualTo(201);
        assertThat(granted.at("remaining")).isEqualTo(2500);
        assertThat(granted.string("grant.currency")).isEqualTo("usd");
        assertThat(granted.string("grant.grantedBy")).isEqualTo("operator " + OPERATOR_EMAIL);
        assertThat(transactions(owner)).singleElement().satisfies(transaction -> {
            assertThat(transaction.amount()).as("negative = a credit").isEqualTo(-2500);
            assertThat(transaction.currency()).isEqualTo("usd");
            assertThat(transaction.description()).isEqualTo("Outage on 3 December");
            assertThat(transaction.idempotencyKey()).startsWith("credit-");
        });
        Reply billing = api().get("/api/v1/billing", owner.accessToken());
        assertThat(billing.at("credit.remaining")).isEqualTo(2500);
        assertThat(billing.string("credit.grants.0.reason")).isEqualTo("Outage on 3 December");
        assertThat(billing.string("credit.grants.0.id")).isEqualTo(granted.string("grant.id"));
        Reply detail = api().get(credits(owner.tenantId()), operator().accessToken());
        assertThat(detail.at("remaining")).isEqualTo(2500);
        assertThat(detail.string("grants.0.stripeTransactionId")).isEqualTo(transactions(owner).getFirst().id());
    }

    @Test
    void aCustomerBilledInAnotherCurrencyIsAClearConflictNotAStripeFailure() {
        Session owner = api().signup("Euro Co");
        assertThat(grant(owner.tenantId(), Map.of("amount", 100, "reason", "First"), Map.of()).status()).isEqualTo(201);
        stripe.balances().billIn(stripe.customerOf(owner.tenantId()), "eur");

        Reply refused = grant(owner.tenantId(), Map.of("amount", 200, "reason", "Second"), Map.of());

        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.string("detail")).contains("billed in EUR").contains("a credit in USD");
        assertThat(transactions(owner)).as("nothing sent to Stripe").hasSize(1);
    }

    @Test
    void aGrantIsAuditedInTheTenantsLogAndThePlatforms() {
        Session owner = api().signup("Audited Credit Co");

        Reply granted = grant(owner.tenantId(), Map.of("amount", 1000, "reason", "Goodwill"), Map.of());

        assertThat(granted.status()).as(granted.text()).isEqualTo(201);
        Map<String, Object> entry = api().get("/api/v1/audit-log?limit=1", owner.accessToken()).items().getFirst();
        assertThat(entry.get("action")).isEqualTo("billing.credit.granted");
        assertThat(entry.toString()).contains("operator " + OPERATOR_EMAIL).contains("Goodwill");
        Reply platform = api().get("/api/v1/admin/audit-log?tenantId=" + owner.tenantId(), operator().accessToken());
        assertThat(platform.items()).singleElement().satisfies(logged -> {
            assertThat(logged.get("action")).isEqualTo("billing.credit.granted");
            assertThat(logged.get("details").toString()).contains("amount=1000").contains("currency=usd");
        });
    }

    @Test
    void aGrantWhoseAnswerIsLostIsRetriedWithItsKeyAndCreditedOnce() {
        Session owner = api().signup("Lost Answer Co");
        stripe.balances().loseNextAnswer(Duration.ofMillis(4000));

        Reply granted = grant(owner.tenantId(), Map.of("amount", 700, "reason", "Lost on the way"), Map.of());

        assertThat(granted.status()).as(granted.text()).isEqualTo(201);
        List<FakeStripe.Request> sent = stripe.requests("POST", "/v1/customers/").stream()
                .filter(request -> request.path().endsWith("/balance_transactions")
                        && request.form().get("description").equals("Lost on the way")).toList();
        assertThat(sent).as("stripe-java retried after the read timeout").hasSize(2);
        assertThat(sent.get(1).idempotencyKey()).isEqualTo(sent.get(0).idempotencyKey());
        assertThat(transactions(owner)).hasSize(1);
        assertThat(granted.at("remaining")).isEqualTo(700);
    }

    @Test
    void aCallerRetryingWithTheSameIdempotencyKeyGetsTheFirstGrantNotASecondCredit() {
        Session owner = api().signup("Retrying Caller Co");
        Map<String, Object> body = Map.of("amount", 300, "reason", "Ticket 1234");

        Reply first = grant(owner.tenantId(), body, Map.of("Idempotency-Key", "ticket-1234"));
        Reply again = grant(owner.tenantId(), body, Map.of("Idempotency-Key", "ticket-1234"));
        Reply other = grant(owner.tenantId(), Map.of("amount", 301, "reason", "Ticket 1234"),
                Map.of("Idempotency-Key", "ticket-1234"));

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(again.status()).as("the first answer again").isEqualTo(201);
        assertThat(again.string("grant.id")).isEqualTo(first.string("grant.id"));
        assertThat(other.status()).as("the same key for another grant").isEqualTo(409);
        assertThat(transactions(owner)).hasSize(1);
        assertThat(api().get(credits(owner.tenantId()), operator().accessToken()).at("remaining")).isEqualTo(300);
    }

    @Test
    void onlyAPlatformAdminGrantsCredit() {
        Session owner = api().signup("Self Crediting Co");
        Session other = api().signup("Other Co");
        String token = api().post("/api/v1/admin/tenants/" + owner.tenantId() + "/impersonation",
                operator().accessToken(), Map.of("reason", "Support")).string("accessToken");
        Map<String, Object> body = Map.of("amount", 100, "reason", "Please");

        assertThat(grant(owner.tenantId(), body, Map.of(), owner.accessToken()).status()).isEqualTo(403);
        assertThat(grant(other.tenantId(), body, Map.of(), owner.accessToken()).status()).isEqualTo(403);
        assertThat(grant(owner.tenantId(), body, Map.of(), token).status()).as("read-only impersonation")
                .isEqualTo(403);
        assertThat(api().get(credits(owner.tenantId()), owner.accessToken()).status()).isEqualTo(403);
        assertThat(grant("0190a1b2-0000-7000-8000-000000000000", body, Map.of()).status()).isEqualTo(404);
        assertThat(api().get(credits("not-a-tenant"), operator().accessToken()).status()).isEqualTo(404);
        assertThat(transactionsOf(owner)).isEmpty();
        assertThat(transactionsOf(other)).isEmpty();
    }

    @Test
    void aTenantSeesOnlyItsOwnCredit() {
        Session credited = api().signup("Credited Neighbour Co");
        Session neighbour = api().signup("Neighbour Co");

        grant(credited.tenantId(), Map.of("amount", 900, "reason", "Not for the neighbour"), Map.of());

        Reply billing = api().get("/api/v1/billing", neighbour.accessToken());
        assertThat(billing.at("credit.grants")).isEqualTo(List.of());
        assertThat(billing.at("credit.remaining")).isNull();
    }

    @Test
    void badAmountsAndExpiriesAreRefusedInTheCallersLanguage() {
        Session owner = api().signup("Bad Amounts Co");
        Map<String, String> zh = Map.of("Accept-Language", "zh-Hant");

        for (Object amount : List.of(0, -5, 100_000_000, 12.5, "ten")) {
            assertThat(grant(owner.tenantId(), Map.of("amount", amount, "reason", "x"), Map.of()).status())
                    .as("amount %s", amount).isEqualTo(400);
        }
        assertThat(grant(owner.tenantId(), Map.of("reason", "no amount"), Map.of()).status()).isEqualTo(400);
        Reply zero = grant(owner.tenantId(), Map.of("amount", 0, "reason", "x"), zh);
        assertThat(zero.contentType()).startsWith("application/problem+json");
        assertThat(zero.text()).contains("amount").contains("必須大於 0");
        Reply fraction = grant(owner.tenantId(), Map.of("amount", 12.5, "reason", "x"), zh);
        assertThat(fraction.text()).as("never rounded").contains("必須是以貨幣最小單位計的整數");
        Reply expiring = grant(owner.tenantId(), Map.of("amount", 100, "reason", "x",
                "expiresAt", "2027-01-01T00:00:00Z"), zh);
        assertThat(expiring.status()).isEqualTo(400);
        assertThat(expiring.text()).contains("expiresAt").contains("不支援：Stripe 客戶餘額不會到期");
        assertThat(grant(owner.tenantId(), Map.of("amount", 100, "reason", "x"), Map.of("Idempotency-Key", "a b"))
                .status()).isEqualTo(400);
        assertThat(transactionsOf(owner)).isEmpty();
    }

    private Reply grant(String tenantId, Map<String, Object> body, Map<String, String> headers) {
        return grant(tenantId, body, headers, operator().accessToken());
    }

    private Reply grant(String tenantId, Map<String, Object> body, Map<String, String> headers, String token) {
        return api().send("POST", credits(tenantId), token, body, headers);
    }

    private static String credits(String tenantId) {
        return "/api/v1/admin/tenants/" + tenantId + "/credits";
    }

    /** The balance transactions Stripe applied to the tenant's customer; the customer must exist. */
    private List<Transaction> transactions(Session owner) {
        assertThat(stripe.customerOf(owner.tenantId())).as("the tenant's customer was created").isNotNull();
        return transactionsOf(owner);
    }

    private List<Transaction> transactionsOf(Session owner) {
        String customer = stripe.customerOf(owner.tenantId());
        return customer == null ? List.of() : stripe.balances().transactions(customer);
    }
}
