package io.parley.api.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.ProviderEndpoints;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Calls a messaging provider's API for a verify, with the configured timeout (connect and answer). Never logs a URL,
 * header or body: Telegram carries the bot token in the path, the others in the Authorization header. Redirects are
 * not followed, so a token is never sent to another host.
 */
@Singleton
final class ProviderClient {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderClient.class);

    private final HttpClient http;
    private final Duration timeout;
    private final JsonMapper json;

    ProviderClient(ProviderEndpoints endpoints, JsonMapper json) {
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

    /** A provider's answer: its status and its JSON body (empty when the body is not a JSON object). */
    record Answer(int status, Map<String, Object> body) {

        @Nullable
        String text(String... path) {
            Object value = body;
            for (String key : path) {
                value = value instanceof Map<?, ?> map ? map.get(key) : null;
            }
            return value == null ? null : value.toString();
        }

        boolean ok() {
            return status / 100 == 2;
        }
    }

    Answer get(ChannelType provider, URI uri, @Nullable String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json");
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return send(provider, request.build());
    }

    Answer postJson(ChannelType provider, URI uri, Object body) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("request body is not serializable");
        }
        return send(provider, HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build());
    }

    /** 5xx and 429 say nothing about the credentials: like no answer at all, they are a 502 to retry later. */
    private Answer send(ChannelType provider, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw unreachable(provider, "did not answer within " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw unreachable(provider, "could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(provider, "was not asked (interrupted)", e);
        }
        if (response.statusCode() >= 500 || response.statusCode() == 429) {
            LOG.warn("{} API answered {} to a channel check", provider.label(), response.statusCode());
            throw unreachable(provider, "answered " + response.statusCode(), null);
        }
        return new Answer(response.statusCode(), parse(response.body()));
    }

    private Map<String, Object> parse(String body) {
        try {
            Map<String, Object> map = json.readValue(body, Argument.mapOf(String.class, Object.class));
            return map == null ? Map.of() : map;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** The exception's class only: messages of connection errors can name the address, which may hold a token. */
    private static ProblemException unreachable(ChannelType provider, String what, @Nullable Exception cause) {
        if (cause != null) {
            LOG.warn("{} API {} during a channel check ({})", provider.label(), what, cause.getClass().getSimpleName());
        }
        return new ProblemException(ProblemKind.PROVIDER_UNREACHABLE, HttpStatus.BAD_GATEWAY, provider.label() + " "
                + what + "; the credentials were not checked. Try again in a minute.", List.of(), Map.of());
    }
}
