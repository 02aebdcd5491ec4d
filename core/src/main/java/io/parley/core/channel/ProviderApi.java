package io.parley.core.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP to the messaging providers' APIs (LINE, WhatsApp, Telegram), shared by the api role's channel checks and the
 * worker's senders: JSON in and out, the configured timeout (connect and answer), redirects never followed (a token
 * is never sent to another host). Never logs a URL, header or body: Telegram carries the bot token in the path, the
 * others in the Authorization header. No answer, a timeout and any 5xx are {@link ProviderUnreachable}; every other
 * answer is returned for the caller to interpret (what a 401 or 429 means differs between a check and a send).
 */
@Singleton
public final class ProviderApi {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderApi.class);

    private final HttpClient http;
    private final Duration timeout;
    private final JsonMapper json;

    ProviderApi(ProviderEndpoints endpoints, JsonMapper json) {
        this.timeout = endpoints.timeout();
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Stops the client's selector thread with the application context (tests start several contexts). */
    @PreDestroy
    void close() {
        http.shutdownNow();
    }

    /** A provider's answer: its status, its JSON body (empty when not a JSON object) and its Retry-After header. */
    public record Answer(int status, Map<String, Object> body, @Nullable String retryAfter) {

        public boolean ok() {
            return status / 100 == 2;
        }

        /** The value at a path of object keys, e.g. {@code value("error", "code")}; null when absent. */
        @Nullable
        public Object value(String... path) {
            Object value = body;
            for (String key : path) {
                value = value instanceof Map<?, ?> map ? map.get(key) : null;
            }
            return value;
        }

        @Nullable
        public String text(String... path) {
            Object value = value(path);
            return value == null ? null : value.toString();
        }

        /** A whole number at the path, or -1. */
        public long number(String... path) {
            return value(path) instanceof Number number ? number.longValue() : -1;
        }
    }

    /** POSTs {@code body} as JSON; {@code headers} are added as given (e.g. Authorization, X-Line-Retry-Key). */
    public Answer post(ChannelType provider, URI uri, Object body, Map<String, String> headers)
            throws ProviderUnreachable {
        return send(prepare(provider, uri, body, headers));
    }

    /**
     * A POST of {@code body} as JSON, serialized and built now and sent later with {@link #send}: a paced sender
     * (broadcasts) does this work before it waits for its rate slot, so that only the request itself follows the slot.
     */
    public Prepared prepare(ChannelType provider, URI uri, Object body, Map<String, String> headers) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("a " + provider.label() + " request body is not serializable");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)).timeout(timeout).header("Accept", "application/json");
        headers.forEach(request::header);
        return new Prepared(provider, request.build());
    }

    /** A request built by {@link #prepare}, ready to leave. */
    public record Prepared(ChannelType provider, HttpRequest request) {
    }

    /** Sends a prepared request; same error handling as {@link #post}. */
    public Answer send(Prepared prepared) throws ProviderUnreachable {
        return exchange(prepared.provider(), prepared.request());
    }

    /** GETs JSON (e.g. a LINE profile or bot info); same error handling as {@link #post}. */
    public Answer get(ChannelType provider, URI uri, Map<String, String> headers) throws ProviderUnreachable {
        return exchange(provider, HttpRequest.newBuilder(uri).GET(), headers);
    }

    /** DELETEs (e.g. a WhatsApp message template by name); same error handling as {@link #post}. */
    public Answer delete(ChannelType provider, URI uri, Map<String, String> headers) throws ProviderUnreachable {
        return exchange(provider, HttpRequest.newBuilder(uri).DELETE(), headers);
    }

    private Answer exchange(ChannelType provider, HttpRequest.Builder request, Map<String, String> headers)
            throws ProviderUnreachable {
        request.timeout(timeout).header("Accept", "application/json");
        headers.forEach(request::header);
        return exchange(provider, request.build());
    }

    private Answer exchange(ChannelType provider, HttpRequest request) throws ProviderUnreachable {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            // Never connected: the provider cannot have seen the request.
            throw new ProviderUnreachable(provider.label() + " could not be reached (" + e.getClass().getSimpleName()
                    + ")", false);
        } catch (HttpTimeoutException e) {
            throw new ProviderUnreachable(provider.label() + " did not answer within " + timeout.toSeconds() + " s",
                    true);
        } catch (IOException e) {
            // The exception's class only: messages of connection errors can name the address, which may hold a token.
            throw new ProviderUnreachable(provider.label() + " could not be reached (" + e.getClass().getSimpleName()
                    + ")", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnreachable(provider.label() + " was interrupted before it answered", true);
        }
        if (response.statusCode() >= 500) {
            throw new ProviderUnreachable(provider.label() + " answered " + response.statusCode(), false);
        }
        LOG.debug("{} answered {}", provider.label(), response.statusCode());
        return new Answer(response.statusCode(), parse(response.body()),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    private Map<String, Object> parse(String body) {
        try {
            Map<String, Object> map = json.readValue(body, Argument.mapOf(String.class, Object.class));
            return map == null ? Map.of() : map;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }
}
