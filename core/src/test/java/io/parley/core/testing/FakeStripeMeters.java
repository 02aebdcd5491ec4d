package io.parley.core.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stripe Billing Meters for {@link FakeStripe}: {@code POST /v1/billing/meter_events} (form fields as in
 * stripe-meter-event-create-request.json, answered with stripe-meter-event-response.json) and
 * {@code GET /v1/billing/meters/{id}/event_summaries} (one billing.meter_event_summary for the range, sum
 * aggregation). An identifier already accepted is answered with the first event and counted once, as Stripe does for
 * a repeated identifier and idempotency key. {@link #failNext} refuses the next events (500, nothing stored);
 * {@link #loseNextAnswers} stores them and then answers 500, like a response lost on the way back.
 */
public final class FakeStripeMeters {

    /** An accepted meter event. */
    public record Event(String eventName, String customer, long value, String identifier, long timestamp) {
    }

    /** An answer for FakeStripe to send. */
    record Answer(int status, String body) {
    }

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final Map<String, Event> accepted = new ConcurrentHashMap<>();
    private final Map<String, String> meters = new ConcurrentHashMap<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger loseNext = new AtomicInteger();

    /** A meter Stripe knows: its id and the event name it aggregates (sum). */
    public void meter(String meterId, String eventName) {
        meters.put(meterId, eventName);
    }

    public void failNext(int events) {
        failNext.set(events);
    }

    public void loseNextAnswers(int events) {
        loseNext.set(events);
    }

    /** The accepted events of a customer, oldest first. */
    public List<Event> events(String customer) {
        return accepted.values().stream().filter(e -> e.customer().equals(customer))
                .sorted(java.util.Comparator.comparingLong(Event::timestamp)).toList();
    }

    /** Adds to what Stripe holds without Parley (e.g. an event sent by hand), to make drift. */
    public void accept(Event event) {
        accepted.put(event.identifier(), event);
    }

    /** The answer for a meter request, or null when the path is not a meter path. */
    Answer handle(String method, String path, String query, Map<String, String> form) {
        if (method.equals("POST") && path.equals("/v1/billing/meter_events")) {
            return create(form);
        }
        if (method.equals("GET") && path.startsWith("/v1/billing/meters/") && path.endsWith("/event_summaries")) {
            String meterId = path.substring("/v1/billing/meters/".length(), path.length() - "/event_summaries".length());
            return summaries(meterId, decode(query));
        }
        return null;
    }

    private Answer create(Map<String, String> form) {
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Answer(500, Fixtures.text("stripe-error-api.json"));
        }
        String identifier = form.get("identifier");
        String value = form.get("payload[value]");
        if (form.get("event_name") == null || form.get("payload[stripe_customer_id]") == null || identifier == null
                || value == null || !value.matches("\\d+") || form.get("timestamp") == null) {
            return new Answer(400, Fixtures.text("stripe-error-invalid-request.json"));
        }
        Event event = accepted.computeIfAbsent(identifier, id -> new Event(form.get("event_name"),
                form.get("payload[stripe_customer_id]"), Long.parseLong(value), id, Long.parseLong(form.get("timestamp"))));
        if (loseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Answer(500, Fixtures.text("stripe-error-api.json"));
        }
        Map<String, Object> body = read(Fixtures.text("stripe-meter-event-response.json"));
        body.put("event_name", event.eventName());
        body.put("identifier", event.identifier());
        body.put("timestamp", event.timestamp());
        body.put("payload", Map.of("stripe_customer_id", event.customer(), "value", Long.toString(event.value())));
        return new Answer(200, write(body));
    }

    private Answer summaries(String meterId, Map<String, String> query) {
        String eventName = meters.get(meterId);
        if (eventName == null) {
            return new Answer(404, Fixtures.text("stripe-error-invalid-request.json"));
        }
        String customer = query.get("customer");
        long start = Long.parseLong(query.get("start_time"));
        long end = Long.parseLong(query.get("end_time"));
        long sum = accepted.values().stream().filter(e -> e.eventName().equals(eventName)
                        && e.customer().equals(customer) && e.timestamp() >= start && e.timestamp() < end)
                .mapToLong(Event::value).sum();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", "mtrsum_FAKE" + start);
        summary.put("object", "billing.meter_event_summary");
        summary.put("aggregated_value", sum);
        summary.put("end_time", end);
        summary.put("livemode", false);
        summary.put("meter", meterId);
        summary.put("start_time", start);
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("object", "list");
        list.put("data", List.of(summary));
        list.put("has_more", false);
        list.put("url", "/v1/billing/meters/" + meterId + "/event_summaries");
        return new Answer(200, write(list));
    }

    private static Map<String, String> decode(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
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
