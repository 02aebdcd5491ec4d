package io.parley.worker.ingress.telegram;

import io.parley.core.message.EventAttributes;
import io.parley.core.message.InboundEvent;
import io.parley.core.message.InboundEvent.Type;
import io.parley.worker.ingress.EventDraft;
import io.parley.worker.ingress.WebhookBodies;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Maps one Telegram update to one channel-neutral event (providerEventId = update_id). Pure: {@code receivedAt}
 * stands in for updates without a date (callback queries).
 *
 * <p>Telegram has no follow event. Pressing "Start" (or a t.me deep link) sends "/start [parameter]", so
 * <b>/start is the Telegram follow</b>: FOLLOW, with the text kept and the deep-link parameter as
 * {@link EventAttributes#START_PARAMETER} — the welcome flow runs, as on LINE's follow. my_chat_member in a
 * private chat arrives only on block ("kicked" → UNFOLLOW) and unblock ("member" → FOLLOW, unblocked).
 *
 * <p>In groups the group is the conversation (see {@link #participant}); a group's upgrade to a supergroup moves it
 * to the new chat id ({@link EventAttributes#MIGRATED_FROM_CHAT}).
 */
final class TelegramEvents {

    private static final String START = "/start";

    private TelegramEvents() {
    }

    static InboundEvent map(UUID channelId, TelegramWire.Update update, Instant receivedAt) {
        if (update.updateId() == null) {
            throw WebhookBodies.missing("update_id", "Telegram update");
        }
        String eventId = update.updateId().toString();
        if (update.message() != null) {
            return message(channelId, eventId, update.message(), receivedAt);
        }
        if (update.callbackQuery() != null) {
            TelegramWire.CallbackQuery query = update.callbackQuery();
            TelegramWire.Message origin = query.message();
            EventDraft draft = EventDraft.of(channelId, eventId, receivedAt).type(Type.POSTBACK).postback(query.data())
                    .attribute(EventAttributes.CALLBACK_QUERY_ID, query.id());
            participant(draft, query.from(), origin == null ? null : origin.chat());
            if (origin != null) {
                draft.attribute(EventAttributes.CONTEXT_MESSAGE_ID, origin.messageId());
            }
            return draft.build();
        }
        if (update.myChatMember() != null) {
            return membership(channelId, eventId, update.myChatMember(), receivedAt);
        }
        return EventDraft.of(channelId, eventId, receivedAt).type(Type.UNKNOWN)
                .attribute(EventAttributes.PROVIDER_TYPE, "update").build();
    }

    private static InboundEvent message(UUID channelId, String eventId, TelegramWire.Message message,
                                        Instant receivedAt) {
        EventDraft draft = EventDraft.of(channelId, eventId, instant(message.date(), receivedAt))
                .message(message.messageId() == null ? null : message.messageId().toString());
        participant(draft, message.from(), message.chat());
        if (message.migrateToChatId() != null || message.migrateFromChatId() != null) {
            return migration(draft, message);
        }
        String text = message.text();
        if (text != null && (text.equals(START) || text.startsWith(START + " ") || text.startsWith(START + "@"))) {
            int space = text.indexOf(' ');
            String parameter = space < 0 ? null : text.substring(space + 1).trim();
            return draft.type(Type.FOLLOW).text(text)
                    .attribute(EventAttributes.START_PARAMETER, parameter == null || parameter.isEmpty() ? null : parameter)
                    .build();
        }
        if (text != null) {
            draft.type(Type.TEXT).text(text);
        } else if (message.photo() != null && !message.photo().isEmpty()) {
            List<TelegramWire.File> sizes = message.photo();
            media(draft, Type.IMAGE, sizes.get(sizes.size() - 1)).text(message.caption()); // the largest size is last
        } else if (message.sticker() != null) {
            media(draft, Type.STICKER, message.sticker()).attribute(EventAttributes.EMOJI, message.sticker().emoji());
        } else if (message.voice() != null || message.audio() != null) {
            media(draft, Type.AUDIO, message.voice() != null ? message.voice() : message.audio()).text(message.caption());
        } else if (message.video() != null) {
            media(draft, Type.VIDEO, message.video()).text(message.caption());
        } else if (message.document() != null) {
            media(draft, Type.FILE, message.document()).text(message.caption());
        } else if (message.location() != null) {
            draft.type(Type.LOCATION).attribute(EventAttributes.LATITUDE, message.location().latitude())
                    .attribute(EventAttributes.LONGITUDE, message.location().longitude());
        } else {
            draft.type(Type.UNKNOWN).attribute(EventAttributes.PROVIDER_TYPE, "message");
        }
        return draft.build();
    }

    private static InboundEvent membership(UUID channelId, String eventId, TelegramWire.ChatMemberUpdated change,
                                           Instant receivedAt) {
        String status = change.newChatMember() == null ? null : change.newChatMember().status();
        EventDraft draft = EventDraft.of(channelId, eventId, instant(change.date(), receivedAt));
        participant(draft, change.from(), change.chat());
        boolean privateChat = change.chat() != null && "private".equals(change.chat().type());
        if (privateChat && "kicked".equals(status)) {
            draft.type(Type.UNFOLLOW);
        } else if (privateChat && "member".equals(status)) {
            draft.type(Type.FOLLOW).attribute(EventAttributes.UNBLOCKED, "true");
        } else {
            draft.type(Type.UNKNOWN).attribute(EventAttributes.PROVIDER_TYPE, "my_chat_member:" + status);
        }
        return draft.build();
    }

    private static void user(EventDraft draft, TelegramWire.User user) {
        if (user == null) {
            return;
        }
        String name = user.firstName() == null ? user.lastName()
                : user.lastName() == null ? user.firstName() : user.firstName() + " " + user.lastName();
        draft.user(user.id() == null ? null : user.id().toString()).displayName(name)
                .attribute(EventAttributes.USERNAME, user.username())
                .attribute(EventAttributes.LANGUAGE, user.languageCode());
    }

    /**
     * Who the event is from. In a private chat that is the user (whose id is the chat's). A group or supergroup is
     * one conversation whoever writes, so its chat id is the event's user, its title the name, and the member who
     * wrote is {@link EventAttributes#SPEAKER_ID}: the group's messages are then answered in order, in the group.
     */
    private static void participant(EventDraft draft, TelegramWire.User from, TelegramWire.Chat chat) {
        user(draft, from);
        if (chat == null) {
            return;
        }
        boolean direct = chat.type() == null || "private".equals(chat.type());
        draft.attribute(EventAttributes.CHAT_ID, chat.id()).directChat(direct);
        if (!direct && chat.id() != null) {
            draft.attribute(EventAttributes.SPEAKER_ID, from == null ? null : from.id())
                    .user(chat.id().toString()).displayName(chat.title());
        }
    }

    /**
     * A group upgraded to a supergroup gets a new chat id; Telegram tells both chats with a service message. Either
     * one moves the conversation to the new id (the turn does it; whichever comes second finds it done), and is
     * ordered before the supergroup's own messages, which share the new id's serial key.
     */
    private static InboundEvent migration(EventDraft draft, TelegramWire.Message message) {
        Long from = message.migrateToChatId() != null && message.chat() != null ? message.chat().id()
                : message.migrateFromChatId();
        Long to = message.migrateToChatId() != null ? message.migrateToChatId()
                : message.chat() == null ? null : message.chat().id();
        if (to == null || from == null) {
            return draft.type(Type.UNKNOWN).attribute(EventAttributes.PROVIDER_TYPE, "migrate").build();
        }
        return draft.type(Type.UNKNOWN).attribute(EventAttributes.PROVIDER_TYPE, "migrate")
                .user(to.toString()).attribute(EventAttributes.CHAT_ID, to)
                .attribute(EventAttributes.MIGRATED_FROM_CHAT, from).build();
    }

    private static EventDraft media(EventDraft draft, Type type, TelegramWire.File file) {
        return draft.type(type).media(file.fileId()).attribute(EventAttributes.MIME_TYPE, file.mimeType())
                .attribute(EventAttributes.FILE_NAME, file.fileName());
    }

    private static Instant instant(Long unixSeconds, Instant fallback) {
        return unixSeconds == null ? fallback : Instant.ofEpochSecond(unixSeconds);
    }
}
