package io.parley.worker.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.micronaut.core.annotation.Nullable;

import java.io.IOException;
import java.io.InputStream;
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
        try {
            HttpResponse<byte[]> response = client.send(jdkRequest(request), HttpResponse.BodyHandlers.ofByteArray());
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

    /**
     * A streamed answer (docs/llm.md "Streaming"), read on the calling thread: the deadline bounds the wait for the
     * response's head here, and the caller bounds the whole stream (it interrupts this thread at the deadline). A
     * non-2xx answer is {@link Failed} as above; an error sent inside a 200 stream ({@code data: {"error":…}} or
     * {@code event: error}, shared/protocols README §5.3) fails the call instead of leaving a partial answer that
     * would pass for a whole one.
     */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        try {
            HttpResponse<InputStream> response = client.send(jdkRequest(request),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() < 200 || response.statusCode() > 299) {
                    listener.onError(new Failed(response.statusCode(),
                            new String(body.readAllBytes(), StandardCharsets.UTF_8),
                            RetryAdvice.parse(response.headers().map(), Instant.now())));
                    return;
                }
                listener.onOpen(SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                        .headers(response.headers().map()).build());
                StreamErrors events = new StreamErrors(listener);
                parser.parse(body, events);
                if (!events.failed) {
                    listener.onClose();
                }
            }
        } catch (HttpTimeoutException e) {
            listener.onError(new TimeoutException(e));
        } catch (IOException e) {
            listener.onError(Thread.currentThread().isInterrupted() ? new TimeoutException("interrupted")
                    : new UncheckedIOException(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.onError(new TimeoutException("interrupted"));
        } catch (RuntimeException e) {
            listener.onError(e);
        }
    }

    private static java.net.http.HttpRequest jdkRequest(HttpRequest request) {
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
        return builder.build();
    }

    /** Passes a stream's events on until one is an error, which fails the call (and nothing after it counts). */
    private static final class StreamErrors implements ServerSentEventListener {

        private static final java.util.regex.Pattern ERROR_DATA = java.util.regex.Pattern.compile("^\\s*\\{\\s*\"error\"\\s*:");

        private final ServerSentEventListener delegate;
        private boolean failed;

        StreamErrors(ServerSentEventListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            if (!stops(event)) {
                delegate.onEvent(event, context);
            }
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            if (!stops(event)) {
                delegate.onEvent(event);
            }
        }

        private boolean stops(ServerSentEvent event) {
            if (failed) {
                return true;
            }
            String data = event.data() == null ? "" : event.data();
            if ("error".equals(event.event()) || ERROR_DATA.matcher(data).find()) {
                failed = true;
                // the error object is read like an HTTP error body; a 500 as the SDKs treat it (retryable)
                delegate.onError(new Failed(500, data, null));
                return true;
            }
            return false;
        }

        @Override
        public void onError(Throwable error) {
            failed = true;
            delegate.onError(error);
        }
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
