package io.parley.worker.ingress;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.message.InboundEvent;
import io.parley.core.message.InboundEvent.Type;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds an {@link InboundEvent} field by field, as the channel mappers learn them; null values are skipped. */
public final class EventDraft {

    static final int MAX_EVENT_ID = 200;

    private final UUID channelId;
    private final String providerEventId;
    private final Instant occurredAt;
    private Type type = Type.UNKNOWN;
    private String externalUserId;
    private String displayName;
    private String text;
    private String postbackData;
    private String mediaId;
    private String providerMessageId;
    private String replyToken;
    private InboundEvent.StatusUpdate statusUpdate;
    private boolean directChat = true;
    private final Map<String, String> attributes = new LinkedHashMap<>();

    private EventDraft(UUID channelId, String providerEventId, Instant occurredAt) {
        this.channelId = channelId;
        this.providerEventId = providerEventId;
        this.occurredAt = occurredAt;
    }

    public static EventDraft of(UUID channelId, String providerEventId, Instant occurredAt) {
        return new EventDraft(channelId, providerEventId, occurredAt);
    }

    public EventDraft type(Type value) {
        this.type = value;
        return this;
    }

    public EventDraft user(@Nullable String id) {
        this.externalUserId = id;
        return this;
    }

    public EventDraft displayName(@Nullable String value) {
        this.displayName = value;
        return this;
    }

    public EventDraft text(@Nullable String value) {
        this.text = value;
        return this;
    }

    public EventDraft postback(@Nullable String data) {
        this.postbackData = data;
        return this;
    }

    public EventDraft media(@Nullable String id) {
        this.mediaId = id;
        return this;
    }

    public EventDraft message(@Nullable String providerId) {
        this.providerMessageId = providerId;
        return this;
    }

    public EventDraft replyToken(@Nullable String token) {
        this.replyToken = token;
        return this;
    }

    public EventDraft status(InboundEvent.StatusUpdate update) {
        this.statusUpdate = update;
        return this;
    }

    public EventDraft directChat(boolean value) {
        this.directChat = value;
        return this;
    }

    /** Skips null values, so mappers can pass optional provider fields straight through. */
    public EventDraft attribute(String key, @Nullable Object value) {
        if (value != null) {
            attributes.put(key, value.toString());
        }
        return this;
    }

    /** 400 when the provider's event id is empty or absurdly long (it is a unique key, indexed). */
    public InboundEvent build() {
        if (providerEventId == null || providerEventId.isBlank() || providerEventId.length() > MAX_EVENT_ID) {
            throw new ProblemException(ProblemKind.MALFORMED_JSON,
                    "An event id is missing or longer than " + MAX_EVENT_ID + " characters.");
        }
        return new InboundEvent(channelId, providerEventId, type, externalUserId, displayName, text, postbackData,
                mediaId, providerMessageId, replyToken, statusUpdate, directChat, occurredAt,
                attributes.isEmpty() ? null : Map.copyOf(attributes));
    }
}
