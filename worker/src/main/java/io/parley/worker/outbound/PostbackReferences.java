package io.parley.worker.outbound;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.conversation.MessageRow;
import io.parley.core.flow.Step;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short stand-ins for postback data that a channel cannot carry: Telegram's callback_data holds 64 bytes, WhatsApp
 * reply ids 200 (list rows), LINE postback data 300, while a flow's postback data may be longer.
 *
 * <p>Before sending, button {@code i} of message {@code m} whose data is too long gets the reference
 * {@code "pr:" + base64url(m's 16 id bytes) + ":" + i} (at most 28 bytes), and the message's payload keeps the
 * mapping under {@code "postbackRefs": {"<reference>": "<original data>"}}, written before the message leaves.
 *
 * <p><b>For the ingress and the turn:</b> when a button press arrives (LINE postback data, Telegram
 * callback_query.data, WhatsApp button_reply/list_reply id), pass its data through {@link #resolve} before flow
 * matching. Data that is not a reference, or names a message of another conversation, comes back unchanged.
 */
@Singleton
public final class PostbackReferences {

    static final String PAYLOAD_KEY = "postbackRefs";
    private static final Pattern REFERENCE = Pattern.compile("pr:([A-Za-z0-9_-]{22}):([0-9]{1,2})");

    private final MessageRepository messages;
    private final JsonMapper json;

    PostbackReferences(MessageRepository messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /**
     * The original postback data behind {@code data} if it is a reference to a message of {@code conversationId},
     * else {@code data} itself. Reads the database: call inside the tenant's scope, like a repository.
     */
    public String resolve(TenantId tenant, UUID conversationId, String data) {
        Optional<UUID> messageId = messageId(data);
        if (messageId.isEmpty()) {
            return data;
        }
        return messages.find(tenant.value(), messageId.get())
                .filter(message -> message.conversationId().equals(conversationId))
                .map(message -> references(message).get(data))
                .orElse(data);
    }

    static String reference(UUID messageId, int index) {
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(messageId.getMostSignificantBits())
                .putLong(messageId.getLeastSignificantBits());
        return "pr:" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array()) + ":" + index;
    }

    static Optional<UUID> messageId(String data) {
        Matcher matcher = data == null ? null : REFERENCE.matcher(data);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(matcher.group(1)));
        return Optional.of(new UUID(bytes.getLong(), bytes.getLong()));
    }

    /**
     * The message with every postback longer than {@code maxBytes} replaced by its reference; the new mappings are
     * put into {@code added} (to be stored before sending).
     */
    static OutboundMessage shorten(OutboundMessage message, int maxBytes, Map<String, String> added) {
        List<Step.Button> buttons = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < message.buttons().size(); i++) {
            Step.Button button = message.buttons().get(i);
            if (button.postback().getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
                buttons.add(button);
            } else {
                String reference = reference(message.id(), i);
                added.put(reference, button.postback());
                buttons.add(new Step.Button(button.label(), reference));
                changed = true;
            }
        }
        return changed ? message.withButtons(buttons) : message;
    }

    private Map<String, String> references(MessageRow message) {
        try {
            Map<String, Object> payload = json.readValue(message.payload(), Argument.mapOf(String.class, Object.class));
            Map<String, String> references = new LinkedHashMap<>();
            if (payload != null && payload.get(PAYLOAD_KEY) instanceof Map<?, ?> map) {
                map.forEach((key, value) -> references.put(String.valueOf(key), String.valueOf(value)));
            }
            return references;
        } catch (IOException e) {
            return Map.of();
        }
    }
}
