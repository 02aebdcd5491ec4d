package io.parley.core.testing;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Customer balances for {@link FakeStripe}: {@code POST /v1/customers/{id}/balance_transactions} (form {@code amount},
 * {@code currency}, {@code description}, {@code metadata[…]}; answered with a {@code customer_balance_transaction})
 * and {@code GET /v1/customers/{id}} (the customer with its {@code balance} and {@code currency}). Idempotency as
 * Stripe keeps it: a key seen before with the same parameters is answered with the first answer and
 * {@code Idempotent-Replayed: true}, nothing applied again; with other parameters, 409 {@code idempotency_error}.
 * {@link #loseNextAnswer} applies the next transaction and answers only after a delay (an answer lost on the way back,
 * which the client sees as a read timeout).
 */
public final class FakeStripeBalances {

    /** A transaction Stripe applied. */
    public record Transaction(String id, String customer, long amount, String currency, String description,
                              String idempotencyKey) {
    }

    /** An answer for FakeStripe to send, after {@code delay}. */
    record Answer(int status, String body, boolean replayed, Duration delay) {
    }

    private record Stored(Map<String, String> form, String body) {
    }

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final Predicate<String> customerExists;
    private final List<Transaction> applied = new CopyOnWriteArrayList<>();
    private final Map<String, Stored> byKey = new ConcurrentHashMap<>();
    private final Map<String, Long> balances = new ConcurrentHashMap<>();
    private final Map<String, String> currencies = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicReference<Duration> loseNext = new AtomicReference<>();

    FakeStripeBalances(Predicate<String> customerExists) {
        this.customerExists = customerExists;
    }

    /** The transactions applied to a customer, oldest first. */
    public List<Transaction> transactions(String customer) {
        return applied.stream().filter(t -> t.customer().equals(customer)).toList();
    }

    /** The customer is billed in {@code currency} from now on (as when Stripe first billed it in that currency). */
    public void billIn(String customer, String currency) {
        currencies.put(customer, currency);
    }

    /** The next transaction is applied, and its answer sent only after {@code delay}. */
    public void loseNextAnswer(Duration delay) {
        loseNext.set(delay);
    }

    /** Null when the request is not about customer balances. */
    synchronized Answer handle(String method, String path, Map<String, String> form, String idempotencyKey) {
        if (!path.startsWith("/v1/customers/")) {
            return null;
        }
        String[] parts = path.substring("/v1/customers/".length()).split("/");
        String customer = parts[0];
        if (!customerExists.test(customer)) {
            return new Answer(404, Fixtures.text("stripe-error-invalid-request.json"), false, Duration.ZERO);
        }
        if (method.equals("GET") && parts.length == 1) {
            return new Answer(200, write(customer(customer)), false, Duration.ZERO);
        }
        if (!method.equals("POST") || parts.length != 2 || !parts[1].equals("balance_transactions")) {
            return null;
        }
        if (idempotencyKey != null && byKey.containsKey(idempotencyKey)) {
            Stored first = byKey.get(idempotencyKey);
            return first.form().equals(form) ? new Answer(200, first.body(), true, Duration.ZERO)
                    : new Answer(409, Fixtures.text("stripe-error-idempotency.json"), false, Duration.ZERO);
        }
        long amount = Long.parseLong(form.get("amount"));
        String currency = form.get("currency");
        if (currencies.containsKey(customer) && !currencies.get(customer).equals(currency)) {
            return new Answer(400, Fixtures.text("stripe-error-invalid-request.json"), false, Duration.ZERO);
        }
        currencies.put(customer, currency);
        long ending = balances.merge(customer, amount, Long::sum);
        Transaction transaction = new Transaction("cbtxn_FAKE" + ids.incrementAndGet(), customer, amount, currency,
                form.get("description"), idempotencyKey);
        applied.add(transaction);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", transaction.id());
        body.put("object", "customer_balance_transaction");
        body.put("amount", amount);
        body.put("checkout_session", null);
        body.put("created", Instant.now().getEpochSecond());
        body.put("credit_note", null);
        body.put("currency", currency);
        body.put("customer", customer);
        body.put("customer_account", null);
        body.put("description", form.get("description"));
        body.put("ending_balance", ending);
        body.put("invoice", null);
        body.put("livemode", false);
        Map<String, String> metadata = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("metadata[") && key.endsWith("]")) {
                metadata.put(key.substring("metadata[".length(), key.length() - 1), value);
            }
        });
        body.put("metadata", metadata);
        body.put("type", "adjustment");
        String json = write(body);
        if (idempotencyKey != null) {
            byKey.put(idempotencyKey, new Stored(Map.copyOf(form), json));
        }
        Duration delay = loseNext.getAndSet(null);
        return new Answer(200, json, false, delay == null ? Duration.ZERO : delay);
    }

    private Map<String, Object> customer(String customer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", customer);
        body.put("object", "customer");
        body.put("balance", balances.getOrDefault(customer, 0L));
        body.put("created", 1768469400);
        body.put("currency", currencies.get(customer));
        body.put("livemode", false);
        body.put("metadata", Map.of());
        return body;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
