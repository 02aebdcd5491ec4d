package io.parley.core.broadcast;

import java.util.Optional;
import java.util.UUID;

/**
 * The WhatsApp {@code biz_opaque_callback_data} of a broadcast recipient's message: Meta echoes it in the message's
 * status webhooks, so a status names the recipient even when the send's answer (with the wamid) was lost in a crash
 * (docs/broadcasts.md "No message twice"). {@code broadcast:<broadcast id>:<recipient id>}: the broadcast id lets the
 * update use the primary key, and the prefix keeps other senders' callback data apart.
 */
public record RecipientCallback(UUID broadcast, long recipient) {

    private static final String PREFIX = "broadcast:";

    public String value() {
        return PREFIX + broadcast + ":" + recipient;
    }

    /** The recipient a status webhook's callback data names, if it is one of ours. */
    public static Optional<RecipientCallback> parse(String data) {
        if (data == null || !data.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = data.substring(PREFIX.length()).split(":", -1);
        try {
            return parts.length == 2 ? Optional.of(new RecipientCallback(UUID.fromString(parts[0]),
                    Long.parseLong(parts[1]))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
