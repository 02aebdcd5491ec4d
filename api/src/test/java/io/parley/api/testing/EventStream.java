package io.parley.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client for tests, reading GET /api/v1/events the way a browser does: frames separated by a
 * blank line, with {@code id:}, {@code event:}, {@code data:} fields and {@code :} comments.
 */
public final class EventStream implements AutoCloseable {

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final Thread reader;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    /** Opens the stream; {@code bearer} (may be null) goes into the Authorization header. */
    public static EventStream open(URI uri, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return new EventStream(HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The next frame, or null when none arrives in time (or the stream ended). */
    public Frame next(Duration timeout) {
        try {
            Frame frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return frame == Frame.END ? null : frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The next frame that is an event (comments skipped), or null. */
    public Frame nextEvent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Frame frame = next(Duration.ofNanos(deadline - System.nanoTime()));
            if (frame == null || frame.event() != null) {
                return frame;
            }
        }
        return null;
    }

    /** Waits for the server's first comment: from then on the stream is registered for events. */
    public EventStream awaitConnected() {
        Frame first = next(Duration.ofSeconds(10));
        if (first == null || !first.comments().contains("connected")) {
            throw new IllegalStateException("stream did not start: " + first + " (status " + status() + ")");
        }
        return this;
    }

    private void read() {
        List<String> lines = new ArrayList<>();
        try {
            response.body().forEach(line -> {
                if (line.isEmpty()) {
                    if (!lines.isEmpty()) {
                        frames.add(Frame.parse(lines));
                        lines.clear();
                    }
                } else {
                    lines.add(line);
                }
            });
        } catch (UncheckedIOException e) {
            // closed by the test or the server
        }
        frames.add(Frame.END);
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }

    /** One SSE frame. */
    public record Frame(String id, String event, String data, List<String> comments) {

        static final Frame END = new Frame(null, null, null, List.of());

        static Frame parse(List<String> lines) {
            String id = null;
            String event = null;
            StringBuilder data = null;
            List<String> comments = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> event = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> { }
                }
            }
            return new Frame(id, event, data == null ? null : data.toString(), List.copyOf(comments));
        }
    }
}
