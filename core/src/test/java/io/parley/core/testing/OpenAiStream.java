package io.parley.core.testing;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an OpenAI-compatible server sends for {@code "stream": true} (shared/protocols README §5.3): the fakes
 * answer a streamed request with the same completion they would answer whole, as {@code chat.completion.chunk}
 * events — the role first, the content in pieces of a few characters, tool calls in one delta with their {@code index}, the
 * finish reason in an empty delta, the usage in a last chunk without choices, then {@code [DONE]}.
 */
public final class OpenAiStream {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    /** Characters per content piece: about a token, and small enough to split words and Chinese phrases. */
    private static final int PIECE = 3;

    private OpenAiStream() {
    }

    /** Whether a chat completions request asks for a stream. */
    public static boolean requested(String requestBody) {
        try {
            JsonNode body = JSON.readValue(requestBody, JsonNode.class);
            JsonNode stream = body == null ? null : body.get("stream");
            return stream != null && stream.isBoolean() && stream.getBooleanValue();
        } catch (IOException e) {
            return false;
        }
    }

    /** The SSE events (each a {@code data:} line and a blank line) of a non-stream completion body. */
    public static List<String> events(String completionJson) {
        try {
            Map<?, ?> completion = JSON.readValue(completionJson, Map.class);
            Map<?, ?> choice = (Map<?, ?>) ((List<?>) completion.get("choices")).getFirst();
            Map<?, ?> message = (Map<?, ?>) choice.get("message");
            List<Map<String, Object>> deltas = new ArrayList<>();
            deltas.add(Map.of("role", "assistant", "content", ""));
            if (message.get("content") instanceof String content) {
                int[] points = content.codePoints().toArray();
                for (int i = 0; i < points.length; i += PIECE) {
                    deltas.add(Map.of("content", new String(points, i, Math.min(PIECE, points.length - i))));
                }
            }
            if (message.get("tool_calls") instanceof List<?> calls) {
                List<Map<String, Object>> indexed = new ArrayList<>();
                for (int i = 0; i < calls.size(); i++) {
                    Map<String, Object> call = new LinkedHashMap<>((Map<String, Object>) calls.get(i));
                    call.put("index", i);
                    indexed.add(call);
                }
                deltas.add(Map.of("tool_calls", indexed));
            }
            List<String> events = new ArrayList<>();
            for (Map<String, Object> delta : deltas) {
                events.add(chunk(completion, List.of(choice(delta, null)), null));
            }
            events.add(chunk(completion, List.of(choice(Map.of(), choice.get("finish_reason"))), null));
            events.add(chunk(completion, List.of(), completion.get("usage")));
            events.add("data: [DONE]\n\n");
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers 200 with the events, flushed one by one with {@code pause} between them. */
    public static void write(OutputStream out, List<String> events, Duration pause) throws IOException {
        for (String event : events) {
            out.write(event.getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (!pause.isZero()) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }
    }

    private static Map<String, Object> choice(Map<String, Object> delta, Object finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("logprobs", null);
        choice.put("finish_reason", finishReason);
        return choice;
    }

    private static String chunk(Map<?, ?> completion, List<Map<String, Object>> choices, Object usage)
            throws IOException {
        Map<String, Object> chunk = new LinkedHashMap<>();
        chunk.put("id", completion.get("id"));
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", completion.get("created"));
        chunk.put("model", completion.get("model"));
        chunk.put("choices", choices);
        chunk.put("usage", usage);
        return "data: " + JSON.writeValueAsString(chunk) + "\n\n";
    }
}
