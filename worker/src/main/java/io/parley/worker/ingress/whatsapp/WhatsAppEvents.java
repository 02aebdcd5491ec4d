package io.parley.worker.ingress.whatsapp;

import io.parley.core.message.EventAttributes;
import io.parley.core.message.InboundEvent;
import io.parley.core.message.InboundEvent.Type;
import io.parley.worker.ingress.EventDraft;
import io.parley.worker.ingress.WebhookBodies;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Maps a WhatsApp notification to channel-neutral events: every message and every status of every entry and change
 * (README §2.2). Pure: {@code receivedAt} stands in for a missing or unreadable timestamp.
 *
 * <ul>
 *   <li>Messages: providerEventId = the wamid; text, interactive button/list replies and template quick-reply buttons
 *       (POSTBACK with the reply id or payload, the title as text), media (the media id to download), location.</li>
 *   <li>Statuses: STATUS with providerEventId "wamid:status" (each status of a message is its own event); the
 *       recipient is the contact, so the event's conversation key is that of the conversation the message was sent
 *       in.</li>
 *   <li>{@code value.errors} (asynchronous errors not tied to a message, e.g. 130429) are returned for logging.</li>
 * </ul>
 */
final class WhatsAppEvents {

    private static final String WHAT = "WhatsApp message";

    private WhatsAppEvents() {
    }

    record Mapped(List<InboundEvent> events, List<String> errors) {
    }

    static Mapped map(UUID channelId, WhatsAppWire.Notification notification, Instant receivedAt) {
        return map(phoneNumberId -> channelId, notification, receivedAt);
    }

    /**
     * {@code channelOf} names the channel of each change's business number ({@code value.metadata.phone_number_id},
     * null when absent): one Meta app's webhook carries the changes of all its numbers.
     */
    static Mapped map(Function<String, UUID> channelOf, WhatsAppWire.Notification notification, Instant receivedAt) {
        List<InboundEvent> events = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (WhatsAppWire.Entry entry : list(notification.entry())) {
            for (WhatsAppWire.Change change : list(entry == null ? null : entry.changes())) {
                WhatsAppWire.Value value = change == null ? null : change.value();
                if (value == null) {
                    continue;
                }
                String phoneNumberId = value.metadata() == null ? null : value.metadata().phoneNumberId();
                UUID channelId = channelOf.apply(phoneNumberId);
                Map<String, String> names = new HashMap<>();
                for (WhatsAppWire.Contact contact : list(value.contacts())) {
                    if (contact != null && contact.waId() != null && contact.profile() != null
                            && contact.profile().name() != null) {
                        names.put(contact.waId(), contact.profile().name());
                    }
                }
                for (WhatsAppWire.Message message : list(value.messages())) {
                    events.add(message(channelId, message, names, phoneNumberId, receivedAt));
                }
                for (WhatsAppWire.Status status : list(value.statuses())) {
                    events.add(status(channelId, status, phoneNumberId, receivedAt));
                }
                for (WhatsAppWire.Error error : list(value.errors())) {
                    errors.add(describe(error));
                }
            }
        }
        return new Mapped(events, errors);
    }

    private static InboundEvent message(UUID channelId, WhatsAppWire.Message message, Map<String, String> names,
                                        String phoneNumberId, Instant receivedAt) {
        if (message == null || message.id() == null || message.id().isBlank()) {
            throw WebhookBodies.missing("id", WHAT);
        }
        EventDraft draft = EventDraft.of(channelId, message.id(), instant(message.timestamp(), receivedAt))
                .user(message.from()).displayName(names.get(message.from())).message(message.id())
                .attribute(EventAttributes.PHONE_NUMBER_ID, phoneNumberId)
                .attribute(EventAttributes.CONTEXT_MESSAGE_ID, message.context() == null ? null : message.context().id());
        String type = message.type() == null ? "" : message.type();
        switch (type) {
            case "text" -> draft.type(Type.TEXT).text(message.text() == null ? null : message.text().body());
            case "interactive" -> interactive(draft, message.interactive());
            case "button" -> draft.type(Type.POSTBACK)
                    .postback(message.button() == null ? null : message.button().payload())
                    .text(message.button() == null ? null : message.button().text());
            case "image" -> media(draft, Type.IMAGE, message.image());
            case "audio" -> media(draft, Type.AUDIO, message.audio());
            case "video" -> media(draft, Type.VIDEO, message.video());
            case "document" -> media(draft, Type.FILE, message.document());
            case "sticker" -> media(draft, Type.STICKER, message.sticker());
            case "location" -> location(draft, message.location());
            default -> draft.type(Type.UNKNOWN).attribute(EventAttributes.PROVIDER_TYPE, type);
        }
        return draft.build();
    }

    private static void interactive(EventDraft draft, WhatsAppWire.Interactive interactive) {
        WhatsAppWire.Reply reply = interactive == null ? null
                : interactive.buttonReply() != null ? interactive.buttonReply() : interactive.listReply();
        if (reply == null) {
            draft.type(Type.UNKNOWN).attribute(EventAttributes.PROVIDER_TYPE,
                    "interactive" + (interactive == null || interactive.type() == null ? "" : ":" + interactive.type()));
            return;
        }
        draft.type(Type.POSTBACK).postback(reply.id()).text(reply.title());
    }

    private static void media(EventDraft draft, Type type, WhatsAppWire.Media media) {
        draft.type(type);
        if (media != null) {
            draft.media(media.id()).text(media.caption()).attribute(EventAttributes.MIME_TYPE, media.mimeType())
                    .attribute(EventAttributes.FILE_NAME, media.filename());
        }
    }

    private static void location(EventDraft draft, WhatsAppWire.Location location) {
        draft.type(Type.LOCATION);
        if (location != null) {
            draft.text(location.name()).attribute(EventAttributes.ADDRESS, location.address())
                    .attribute(EventAttributes.LATITUDE, location.latitude())
                    .attribute(EventAttributes.LONGITUDE, location.longitude());
        }
    }

    private static InboundEvent status(UUID channelId, WhatsAppWire.Status status, String phoneNumberId,
                                       Instant receivedAt) {
        if (status == null || status.id() == null || status.id().isBlank() || status.status() == null) {
            throw WebhookBodies.missing("id and status", "WhatsApp status");
        }
        WhatsAppWire.Error error = list(status.errors()).stream().filter(Objects::nonNull).findFirst().orElse(null);
        return EventDraft.of(channelId, status.id() + ":" + status.status(), instant(status.timestamp(), receivedAt))
                .type(Type.STATUS).user(status.recipientId()).message(status.id())
                .status(new InboundEvent.StatusUpdate(status.id(), status.status(),
                        error == null || error.code() == null ? null : error.code().toString(),
                        error == null ? null : error.title(), status.bizOpaqueCallbackData()))
                .attribute(EventAttributes.PHONE_NUMBER_ID, phoneNumberId)
                .build();
    }

    private static String describe(WhatsAppWire.Error error) {
        return error == null ? "unknown error" : error.code() + " " + error.title();
    }

    private static Instant instant(String unixSeconds, Instant fallback) {
        try {
            return unixSeconds == null ? fallback : Instant.ofEpochSecond(Long.parseLong(unixSeconds));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
