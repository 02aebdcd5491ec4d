package io.parley.worker.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.micronaut.core.annotation.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * LangChain4j's HTTP client hook, on one shared JDK client. Written because LangChain4j's own JDK client (1.19)
 * throws {@link HttpException} with the status and body only: the Retry-After advice a 429/503 carries would be
 * lost, and its timeout is fixed per model instance while each turn has its own deadline. So:
 * <ul>
 *   <li>a non-2xx answer throws {@link Failed}, which keeps the advised delay (LangChain4j wraps it, e.g. in a
 *       RateLimitException, as the cause);</li>
 *   <li>each request times out at the {@link #DEADLINE} bound by the caller for the call, so one cached model per
 *       endpoint serves calls with different budgets.</li>
 * </ul>
 */
final class ProviderHttpClient implements HttpClient {

    /** When the current call must be answered; bound by the provider clients around each call. */
    static final ScopedValue<Instant> DEADLINE = ScopedValue.newInstance();
    private static final Duration UNBOUND_TIMEOUT = Duration.ofSeconds(60);

    private final java.net.http.HttpClient client;

    ProviderHttpClient(java.net.http.HttpClient client) {
        this.client = client;
    }

    /** A LangChain4j builder that hands out this client (its timeouts are ignored in favour of the deadline). */
    HttpClientBuilder builder() {
        ProviderHttpClient self = this;
        return new HttpClientBuilder() {
            private Duration connect;
            private Duration read;

            @Override
            public Duration connectTimeout() {
                return connect;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration timeout) {
                connect = timeout;
                return this;
            }

            @Override
            public Duration readTimeout() {
                return read;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration timeout) {
                read = timeout;
                return this;
            }

            @Override
            public HttpClient build() {
                return self;
            }
        };
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        Duration timeout = DEADLINE.isBound() ? Duration.between(Instant.now(), DEADLINE.get()) : UNBOUND_TIMEOUT;
        if (timeout.toMillis() <= 0) {
            throw new TimeoutException("no time left for the call");
        }
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(timeout)
                .method(request.method().name(), request.body() == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() < 200 || response.statusCode() > 299) {
                throw new Failed(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                        RetryAdvice.parse(response.headers().map(), Instant.now()));
            }
            return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                    .headers(response.headers().map()).body(response.body()).build();
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        }
    }

    /** Parley asks for whole answers only (a reply is sent when complete), so streaming is not offered. */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        listener.onError(new UnsupportedFeatureException("streaming is not used by Parley"));
    }

    /** A non-2xx answer, with the provider's retry advice. The body is kept for classification, never logged. */
    static final class Failed extends HttpException {

        private final String body;
        private final Duration retryAfter;

        Failed(int status, String body, @Nullable Duration retryAfter) {
            super(status, "HTTP " + status);
            this.body = body;
            this.retryAfter = retryAfter;
        }

        String body() {
            return body;
        }

        @Nullable
        Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Header names arrive in any case (HTTP/2 lower-cases them). */
    static @Nullable String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().getFirst();
            }
        }
        return null;
    }
}
