package io.parley.bench;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * LINE text-message webhooks as LINE sends them (fixture line-webhook-text.json, one 1:1 event per request), signed
 * with {@code x-line-signature} = Base64(HMAC-SHA256(channel secret, body)) — shared/protocols/signatures.md §1.
 *
 * <p>The reply token carries the phase and the sequence number, so the fake LINE can tell which webhook a reply
 * answers without any lookup: {@code <2-digit phase><30-digit sequence>}, 32 characters like LINE's tokens.
 */
final class LineWebhooks {

    /**
     * Names a webhook's message in its text ({@code message <phase>-<sequence>}) so that an answer covering several
     * messages (Parley answers messages waiting together: coalescing) can name them all: the fake LLM repeats the
     * names of the messages it was asked to answer, and the fake LINE credits each (bench/README.md, "Coalesced
     * answers").
     */
    static final Pattern MESSAGE_NAME = Pattern.compile("message (\\d{1,2})-(\\d{1,10})\\b");

    private final Mac prototype;
    private final String runTag;

    LineWebhooks(String channelSecret, String runTag) {
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(channelSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.runTag = runTag;
    }

    static String replyToken(int phase, long sequence) {
        return String.format("%02d%030d", phase, sequence);
    }

    /** The phase and sequence of a token made by {@link #replyToken}; null for anything else. */
    static long[] parseToken(String token) {
        if (token == null || token.length() != 32) {
            return null;
        }
        try {
            return new long[] {Integer.parseInt(token, 0, 2, 10), Long.parseLong(token, 2, 32, 10)};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String userId(int contact) {
        return String.format("U%032x", contact);
    }

    /** The body of webhook {@code sequence} of {@code phase}, from {@code contact}. */
    byte[] body(int phase, long sequence, int contact) {
        return body(phase, sequence, userId(contact), "Hello, this is message " + phase + "-" + sequence + " こんにちは");
    }

    /** A text webhook from {@code userId} saying {@code text} (no quotes or backslashes in it). */
    byte[] body(int phase, long sequence, String userId, String text) {
        String body = "{\"destination\":\"Ufeedfacefeedfacefeedfacefeedface\",\"events\":[{\"type\":\"message\","
                + "\"mode\":\"active\",\"timestamp\":" + System.currentTimeMillis() + ",\"source\":{\"type\":\"user\","
                + "\"userId\":\"" + userId + "\"},\"webhookEventId\":\"01" + runTag + "P" + phase + "S"
                + sequence + "\",\"deliveryContext\":{\"isRedelivery\":false},\"replyToken\":\""
                + replyToken(phase, sequence) + "\",\"message\":{\"id\":\"" + (600_000_000_000_000_000L + sequence)
                + "\",\"type\":\"text\",\"quoteToken\":\"q" + sequence + "\",\"text\":\"" + text + "\"}}]}";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    String sign(byte[] body) {
        try {
            Mac mac = (Mac) prototype.clone(); // Mac is not thread-safe; a clone of the keyed prototype is cheap
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
