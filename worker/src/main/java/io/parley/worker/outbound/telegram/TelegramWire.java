package io.parley.worker.outbound.telegram;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.parley.worker.outbound.OutboundMessage;

import java.util.List;

/**
 * Telegram Bot API request bodies (https://core.telegram.org/bots/api#sendmessage), and how an
 * {@link OutboundMessage} becomes one: sendMessage with text, plus an inline keyboard (one button per row, the
 * postback data as callback_data, at most 64 bytes) for buttons of either style — Telegram's reply keyboards send
 * plain text, not postback data; sendPhoto for an image, with the text as caption.
 */
final class TelegramWire {

    private TelegramWire() {
    }

    /** A method call: its name and body. */
    record Call(String method, Object body) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SendMessage(long chatId, String text, @Nullable Markup replyMarkup) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SendPhoto(long chatId, String photo, @Nullable String caption, @Nullable Markup replyMarkup) {

        SendPhoto(long chatId, String photo, @Nullable String caption) {
            this(chatId, photo, caption, null);
        }

        @io.micronaut.core.annotation.Creator
        SendPhoto {
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record ChatAction(long chatId, String action) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Markup(List<List<Key>> inlineKeyboard) {
    }

    /** A button: postback data ({@code callback_data}) or a page to open ({@code url}). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Key(String text, @Nullable String callbackData, @Nullable String url) {

        Key(String text, String callbackData) {
            this(text, callbackData, null);
        }

        @io.micronaut.core.annotation.Creator
        Key {
        }
    }

    static Call render(long chatId, OutboundMessage message) {
        return switch (message.kind()) {
            // a carousel reaches Telegram as one card message per card (the turn's OutboundMessage.on); a row that
            // is one anyway goes as its text: every card's title and text
            case TEXT, CAROUSEL -> new Call("sendMessage", new SendMessage(chatId, message.text(), null));
            case IMAGE -> new Call("sendPhoto", new SendPhoto(chatId, message.imageUrl(), message.text()));
            case BUTTONS -> new Call("sendMessage", new SendMessage(chatId, message.text(), new Markup(
                    message.buttons().stream().map(button -> List.of(new Key(button.label(), button.postback())))
                            .toList())));
            case CARD, LIST, LINK -> TelegramKeyboards.render(chatId, message);
        };
    }
}
