package io.parley.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Stripe (v1, form-encoded) for tests, answering with the shapes of shared/protocols/fixtures: customers,
 * Checkout and portal sessions, subscriptions (read and price change) and invoices. Subscriptions are state the test
 * sets ({@link #subscription}); events are fixtures re-targeted at a test's customer and signed like Stripe
 * ({@link #event}, {@link #sign}). Requests are recorded with their form fields. Billing Meters: {@link #meters()}.
 * A Checkout Session's {@code url} is a page of this fake; with {@link #completeCheckoutsVia} its Subscribe button pays.
 * Customer balances (credit): {@link #balances()}.
 */
public final class FakeStripe implements AutoCloseable {

    public static final String API_KEY = "sk_test_FAKEfakeFAKEfakeFAKEfake0001";
    public static final String WEBHOOK_SECRET = "whsec_FAKEfakeFAKEfakeFAKEfakeFAKEfake0001";
    public static final String PRO_PRICE = "price_FAKE_pro_monthly";
    public static final String BUSINESS_PRICE = "price_FAKE_business_monthly";
    /** A tenant's own Stripe account (premium tiers for its contacts): its restricted key and webhook secret. */
    public static final String CONNECTED_KEY = "rk_test_FAKEconnectedFAKEconnected0001";
    public static final String CONNECTED_WEBHOOK_SECRET = "whsec_FAKEconnectedFAKEconnectedFAKE0001";
    /** A restricted key Stripe knows but that may not use Checkout Sessions (403). */
    public static final String CONNECTED_KEY_WITHOUT_CHECKOUT = "rk_test_FAKEnoCheckoutFAKEnoCheckout0001";
    public static final String CONTACT_PRICE = "price_FAKE_contact_premium";

    /** One request as received: the form fields decoded, in order. */
    public record Request(String method, String path, String query, Map<String, String> form, String authorization,
                          String idempotencyKey) {
    }

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Object>> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, String> customersByKey = new ConcurrentHashMap<>();
    private final Map<String, List<String>> invoices = new ConcurrentHashMap<>();
    /** Prices of the connected account: id → recurring. */
    private final Map<String, Boolean> prices = new ConcurrentHashMap<>(Map.of(CONTACT_PRICE, true));
    private final AtomicInteger ids = new AtomicInteger();
    /** Ids unique across fakes: the test database outlives each test class's fake. */
    private final String run = java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private volatile boolean down;
    /** Checkout Sessions made here, by id: the form they were created with. */
    private final Map<String, Map<String, String>> sessions = new ConcurrentHashMap<>();
    private volatile String webhookUrl;
    private final FakeStripeMeters meters = new FakeStripeMeters();
    private final FakeStripeBalances balances = new FakeStripeBalances(customersByKey::containsValue);

    private FakeStripe(HttpServer server) {
        this.server = server;
    }

    public static FakeStripe start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeStripe fake = new FakeStripe(server);
            server.createContext("/", fake::handle);
            server.createContext("/checkout/", fake::checkoutPage);
            // a delayed answer (a lost one, FakeStripeBalances) must not hold the retry that follows it
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The properties that point Parley's billing at this fake, with Pro and Business for sale. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("parley.stripe.api-key", API_KEY);
        properties.put("parley.stripe.webhook-secret", WEBHOOK_SECRET);
        properties.put("parley.stripe.api-url", url());
        properties.put("parley.plans.pro.stripe-price-ids", PRO_PRICE);
        properties.put("parley.plans.business.stripe-price-ids", BUSINESS_PRICE);
        return properties;
    }

    /** The customer Parley created for a tenant (idempotency key {@code customer-<tenant>}), or null. */
    public String customerOf(String tenantId) {
        return customersByKey.get("customer-" + tenantId);
    }

    /** Customer balances and their transactions (credit granted by the operator console). */
    public FakeStripeBalances balances() {
        return balances;
    }

    /** Meter events and meter event summaries (Stripe Billing Meters). */
    public FakeStripeMeters meters() {
        return meters;
    }

    /**
     * Makes the Checkout pages pay (for a browser test): the Subscribe button on a session's {@code url} makes an
     * active subscription of the session's customer at its price, posts {@code checkout.session.completed} and
     * {@code customer.subscription.created}, signed with {@link #WEBHOOK_SECRET}, to {@code webhookUrl} as Stripe
     * would, and once they are acknowledged sends the browser to the session's {@code success_url}.
     */
    public void completeCheckoutsVia(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    /** Every call answers 500 api_error (Stripe in trouble) while down. */
    public void down(boolean down) {
        this.down = down;
    }

    public List<Request> requests(String method, String pathPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    /** Sets what Stripe answers for a subscription, starting from the subscription fixture. */
    public void subscription(String id, String customer, String status, String priceId) {
        subscription(id, customer, status, priceId, false, null);
    }

    @SuppressWarnings("unchecked")
    public void subscription(String id, String customer, String status, String priceId, boolean cancelAtPeriodEnd,
                             Long trialEnd) {
        Map<String, Object> event = read(Fixtures.text("stripe-event-customer-subscription-created.json"));
        Map<String, Object> object = (Map<String, Object>) ((Map<String, Object>) event.get("data")).get("object");
        object.put("id", id);
        object.put("customer", customer);
        object.put("status", status);
        object.put("cancel_at_period_end", cancelAtPeriodEnd);
        object.put("trial_end", trialEnd);
        List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) object.get("items")).get("data");
        Map<String, Object> price = (Map<String, Object>) items.getFirst().get("price");
        price.put("id", priceId);
        items.forEach(item -> item.put("subscription", id));
        subscriptions.put(id, object);
    }

    /** An invoice of the customer, from the invoice.paid fixture. */
    @SuppressWarnings("unchecked")
    public void invoice(String customer, String invoiceId) {
        Map<String, Object> event = read(Fixtures.text("stripe-event-invoice-paid.json"));
        Map<String, Object> object = (Map<String, Object>) ((Map<String, Object>) event.get("data")).get("object");
        object.put("id", invoiceId);
        object.put("customer", customer);
        invoices.computeIfAbsent(customer, c -> new CopyOnWriteArrayList<>()).add(write(object));
    }

    /**
     * A fixture event re-targeted at a test's ids: its customer and subscription replaced, its event id made unique
     * (or {@code eventId}), as the exact bytes Stripe would post.
     */
    public static String event(String fixture, String eventId, String customer, String subscription) {
        return Fixtures.text(fixture)
                .replaceAll("\"evt_FAKE\\w+\"", "\"" + eventId + "\"")
                .replace("cus_FAKE0000000001", customer)
                .replace("sub_FAKE0000000001", subscription);
    }

    /** {@code Stripe-Signature} for a body at time {@code t}: HMAC-SHA256 of "t.body" with the secret, in hex. */
    public static String sign(String body, String secret, long t) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(String body) {
        return sign(body, WEBHOOK_SECRET, Instant.now().getEpochSecond());
    }

    @Override
    public void close() {
        server.stop(0);
        if (server.getExecutor() instanceof java.util.concurrent.ExecutorService executor) {
            executor.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        Map<String, String> form = decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(new Request(method, path, query, form, exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Idempotency-Key")));
        if (down) {
            respond(exchange, 500, Fixtures.text("stripe-error-api.json"));
            return;
        }
        if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))
                && !connectedAccount(exchange, method, path)) {
            respond(exchange, 401, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key\"}}");
            return;
        }
        FakeStripeMeters.Answer metered = meters.handle(method, path, query, form);
        if (metered != null) {
            respond(exchange, metered.status(), metered.body());
            return;
        }
        if (connectedOnly(exchange, method, path)) {
            return;
        }
        FakeStripeBalances.Answer balance = balances.handle(method, path, form,
                exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        if (balance != null) {
            sleep(balance.delay());
            if (balance.replayed()) {
                exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
            }
            respond(exchange, balance.status(), balance.body());
            return;
        }
        if (method.equals("POST") && path.equals("/v1/customers")) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String id = key == null ? "cus_T" + run + ids.incrementAndGet()
                    : customersByKey.computeIfAbsent(key, k -> "cus_T" + run + ids.incrementAndGet());
            respond(exchange, 200, "{\"id\":\"" + id + "\",\"object\":\"customer\",\"created\":1768469400,"
                    + "\"livemode\":false,\"metadata\":{}}");
        } else if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
            String id = "cs_test_T" + run + ids.incrementAndGet();
            Map<String, Object> session = read(Fixtures.text("stripe-checkout-session-response.json"));
            session.put("id", id);
            session.put("customer", form.get("customer"));
            session.put("client_reference_id", form.get("client_reference_id"));
            session.put("success_url", form.get("success_url"));
            session.put("cancel_url", form.get("cancel_url"));
            session.put("url", url() + "/checkout/" + id);
            sessions.put(id, form);
            respond(exchange, 200, write(session));
        } else if (method.equals("POST") && path.equals("/v1/billing_portal/sessions")) {
            Map<String, Object> session = read(Fixtures.text("stripe-billing-portal-session-response.json"));
            session.put("customer", form.get("customer"));
            session.put("return_url", form.get("return_url"));
            session.put("url", url() + "/portal/" + form.get("customer"));
            respond(exchange, 200, write(session));
        } else if (path.startsWith("/v1/subscriptions/")) {
            String id = path.substring("/v1/subscriptions/".length());
            Map<String, Object> subscription = subscriptions.get(id);
            if (subscription == null) {
                respond(exchange, 404, Fixtures.text("stripe-error-invalid-request.json"));
                return;
            }
            if (method.equals("POST")) {
                change(subscription, form);
            }
            respond(exchange, 200, write(subscription));
        } else if (method.equals("GET") && path.equals("/v1/invoices")) {
            String customer = decode(query).get("customer");
            respond(exchange, 200, "{\"object\":\"list\",\"url\":\"/v1/invoices\",\"has_more\":false,\"data\":["
                    + String.join(",", invoices.getOrDefault(customer, List.of())) + "]}");
        } else {
            respond(exchange, 404, Fixtures.text("stripe-error-invalid-request.json"));
        }
    }

    /**
     * The hosted Checkout page of a session: GET shows the plan's price and a Subscribe button; POST (the button) pays,
     * see {@link #completeCheckoutsVia}. A session paid twice posts the same events again (same ids).
     */
    private void checkoutPage(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/checkout/".length());
        Map<String, String> session = sessions.get(id);
        if (session == null) {
            page(exchange, 404, "<p>No such Checkout Session.</p>");
        } else if (exchange.getRequestMethod().equals("GET")) {
            page(exchange, 200, "<h1>Fake Stripe Checkout</h1><p>Subscribe to " + session.get("line_items[0][price]")
                    + "</p><form method=\"post\"><button type=\"submit\">Subscribe</button></form>");
        } else if (webhookUrl == null) {
            page(exchange, 409, "<p>This fake does not complete checkouts (completeCheckoutsVia).</p>");
        } else {
            String customer = session.get("customer");
            String subscription = "sub_" + id.substring("cs_test_".length());
            subscription(subscription, customer, "active", session.get("line_items[0][price]"));
            for (String[] event : new String[][]{{"stripe-event-checkout-session-completed.json", "_completed"},
                    {"stripe-event-customer-subscription-created.json", "_created"}}) {
                String body = event(event[0], "evt_" + id + event[1], customer, subscription);
                int status = deliver(body);
                if (status != 200) {
                    page(exchange, 502, "<p>The webhook answered " + status + " to " + event[0] + ".</p>");
                    return;
                }
            }
            exchange.getResponseHeaders().set("Location", session.get("success_url").replace("{CHECKOUT_SESSION_ID}", id));
            exchange.sendResponseHeaders(303, -1);
            exchange.close();
        }
    }

    /** Posts an event to the webhook as Stripe does, answering the status. */
    private int deliver(String body) throws IOException {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(webhookUrl))
                            .header("Content-Type", "application/json").header("Stripe-Signature", sign(body))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void sleep(java.time.Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void page(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Checkout</title></head>"
                + "<body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** A price of the connected account (recurring or one-time). */
    public void price(String id, boolean recurring) {
        prices.put(id, recurring);
    }

    /** Metadata of a subscription set with {@link #subscription}, as Checkout copies it from subscription_data. */
    @SuppressWarnings("unchecked")
    public void subscriptionMetadata(String id, Map<String, String> metadata) {
        ((Map<String, Object>) subscriptions.get(id).computeIfAbsent("metadata", k -> new LinkedHashMap<>()))
                .putAll(metadata);
    }

    /** Whether the request carries a connected account's key; the key without Checkout gets 403 on sessions. */
    private boolean connectedAccount(HttpExchange exchange, String method, String path) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (("Bearer " + CONNECTED_KEY_WITHOUT_CHECKOUT).equals(authorization) && path.startsWith("/v1/checkout/")) {
            respond(exchange, 403, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"secret_key_required\","
                    + "\"message\":\"The provided key does not have the required permissions\"}}");
            return true;
        }
        return ("Bearer " + CONNECTED_KEY).equals(authorization);
    }

    /** Endpoints only the premium-tier code calls: list Checkout Sessions (the key check), retrieve a price. */
    private boolean connectedOnly(HttpExchange exchange, String method, String path) throws IOException {
        if (exchange.getResponseCode() != -1) {
            return true; // answered already (403 above)
        }
        if (method.equals("GET") && path.equals("/v1/checkout/sessions")) {
            respond(exchange, 200, "{\"object\":\"list\",\"url\":\"/v1/checkout/sessions\",\"has_more\":false,"
                    + "\"data\":[]}");
            return true;
        }
        if (method.equals("GET") && path.startsWith("/v1/prices/")) {
            String id = path.substring("/v1/prices/".length());
            Boolean recurring = prices.get(id);
            if (recurring == null) {
                respond(exchange, 404, Fixtures.text("stripe-error-invalid-request.json"));
            } else {
                respond(exchange, 200, "{\"id\":\"" + id + "\",\"object\":\"price\",\"active\":true,"
                        + "\"currency\":\"usd\",\"livemode\":false,\"type\":\"" + (recurring ? "recurring" : "one_time")
                        + "\",\"unit_amount\":500,\"recurring\":" + (recurring ? "{\"interval\":\"month\","
                        + "\"interval_count\":1,\"usage_type\":\"licensed\"}" : "null") + "}");
            }
            return true;
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static void change(Map<String, Object> subscription, Map<String, String> form) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) subscription.get("items"))
                .get("data");
        for (Map<String, Object> item : items) {
            if (item.get("id").equals(form.get("items[0][id]")) && form.containsKey("items[0][price]")) {
                ((Map<String, Object>) item.get("price")).put("id", form.get("items[0][price]"));
            }
        }
        if (form.containsKey("metadata[plan]")) {
            ((Map<String, Object>) subscription.get("metadata")).put("plan", form.get("metadata[plan]"));
        }
    }

    private static Map<String, String> decode(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_FAKE" + status);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, Object> read(String json) {
        try {
            return new LinkedHashMap<>(JSON.readValue(json, Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
