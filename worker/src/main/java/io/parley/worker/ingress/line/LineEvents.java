package io.parley.worker.ingress.line;

import io.parley.core.message.EventAttributes;
import io.parley.core.message.InboundEvent;
import io.parley.core.message.InboundEvent.Type;
import io.parley.worker.ingress.EventDraft;
import io.parley.worker.ingress.WebhookBodies;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Maps a LINE webhook body to channel-neutral events, one per LINE event (a body may carry several events from
 * different users; an empty list is LINE's URL verification and maps to nothing). Pure: no I/O, no clock.
 *
 * <p>Standby events ({@code mode: standby}: another module owns the chat) are kept with
 * {@link EventAttributes#STANDBY} and without their reply token: stored for the conversation, never answered.
 * Unknown event and message types become {@link Type#UNKNOWN} with {@link EventAttributes#PROVIDER_TYPE}.
 *
 * <p>Events from a group or room belong to the group: its id is the event's user (and so the conversation's serial
 * key and the push recipient), the member who wrote is {@link EventAttributes#SPEAKER_ID}.
 */
final class LineEvents {

    private static final String WHAT = "LINE webhook event";

    private LineEvents() {
    }

    static List<InboundEvent> map(UUID channelId, LineWire.Callback callback) {
        List<InboundEvent> events = new ArrayList<>();
        if (callback.events() != null) {
            for (LineWire.Event event : callback.events()) {
                events.add(map(channelId, event));
            }
        }
        return events;
    }

    private static InboundEvent map(UUID channelId, LineWire.Event event) {
        if (event == null || event.webhookEventId() == null || event.webhookEventId().isBlank()) {
            throw WebhookBodies.missing("webhookEventId", WHAT);
        }
        if (event.timestamp() == null) {
            throw WebhookBodies.missing("timestamp", WHAT);
        }
        EventDraft draft = EventDraft.of(channelId, event.webhookEventId(), Instant.ofEpochMilli(event.timestamp()));
        LineWire.Source source = event.source();
        if (source != null) {
            // A group or room is one conversation (its messages answered in order, replies pushed to it), whoever
            // of its members wrote: LINE sends a member's userId only with their consent.
            String chat = "group".equals(source.type()) ? source.groupId()
                    : "room".equals(source.type()) ? source.roomId() : null;
            draft.user(chat != null ? chat : source.userId()).directChat(chat == null)
                    .attribute(EventAttributes.SOURCE_TYPE, source.type())
                    .attribute(EventAttributes.GROUP_ID, source.groupId())
                    .attribute(EventAttributes.ROOM_ID, source.roomId())
                    .attribute(EventAttributes.SPEAKER_ID, chat != null ? source.userId() : null);
        }
        if ("standby".equals(event.mode())) {
            draft.attribute(EventAttributes.STANDBY, "true");
        } else {
            draft.replyToken(event.replyToken());
        }
        if (event.deliveryContext() != null && Boolean.TRUE.equals(event.deliveryContext().redelivery())) {
            draft.attribute(EventAttributes.REDELIVERY, "true");
        }
        String type = event.type() == null ? "" : event.type();
        switch (type) {
            case "message" -> message(draft, event.message());
            case "follow" -> draft.type(Type.FOLLOW).attribute(EventAttributes.UNBLOCKED,
                    event.follow() != null && Boolean.TRUE.equals(event.follow().unblocked()) ? "true" : null);
            case "unfollow" -> draft.type(Type.UNFOLLOW);
            case "postback" -> postback(draft, event.postback());
            default -> draft.type(Type.UNKNOWN).attribute(EventAttributes.PROVIDER_TYPE, type);
        }
        return draft.build();
    }

    private static void postback(EventDraft draft, LineWire.Postback postback) {
        draft.type(Type.POSTBACK);
        if (postback != null) {
            draft.postback(postback.data());
            if (postback.params() != null) {
                postback.params().forEach((name, value) -> draft.attribute(EventAttributes.PARAM_PREFIX + name, value));
            }
        }
    }

    private static void message(EventDraft draft, LineWire.Message message) {
        if (message == null) {
            draft.type(Type.UNKNOWN).attribute(EventAttributes.PROVIDER_TYPE, "message");
            return;
        }
        draft.message(message.id());
        String type = message.type() == null ? "" : message.type();
        switch (type) {
            case "text" -> draft.type(Type.TEXT).text(message.text())
                    .attribute(EventAttributes.QUOTE_TOKEN, message.quoteToken());
            case "sticker" -> draft.type(Type.STICKER).text(message.text())
                    .attribute(EventAttributes.STICKER_PACKAGE_ID, message.packageId())
                    .attribute(EventAttributes.STICKER_ID, message.stickerId())
                    .attribute(EventAttributes.STICKER_KEYWORDS,
                            message.keywords() == null || message.keywords().isEmpty() ? null
                                    : String.join(",", message.keywords()));
            // LINE media is fetched by message id (GET /v2/bot/message/{id}/content): the id is the media id.
            case "image" -> draft.type(Type.IMAGE).media(message.id());
            case "video" -> draft.type(Type.VIDEO).media(message.id());
            case "audio" -> draft.type(Type.AUDIO).media(message.id());
            case "file" -> draft.type(Type.FILE).media(message.id())
                    .attribute(EventAttributes.FILE_NAME, message.fileName());
            case "location" -> draft.type(Type.LOCATION).text(message.title())
                    .attribute(EventAttributes.ADDRESS, message.address())
                    .attribute(EventAttributes.LATITUDE, message.latitude())
                    .attribute(EventAttributes.LONGITUDE, message.longitude());
            default -> draft.type(Type.UNKNOWN).attribute(EventAttributes.PROVIDER_TYPE, type);
        }
    }
}
