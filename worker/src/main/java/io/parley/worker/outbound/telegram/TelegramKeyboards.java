package io.parley.worker.outbound.telegram;

import io.parley.core.flow.Step;
import io.parley.worker.outbound.OutboundMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Cards, lists and link buttons on Telegram (Bot API, InlineKeyboardMarkup and InlineKeyboardButton:
 * https://core.telegram.org/bots/api#inlinekeyboardmarkup): an inline keyboard with one button per row, postback
 * data as {@code callback_data} (1-64 bytes; longer data went out as a reference), links as {@code url} buttons.
 * A card with an image is a sendPhoto with the title and text as caption (at most 1,024 characters); a longer card
 * is sent as a sendMessage (text limit 4,096) without the image, so nothing is cut. Telegram has no list message:
 * a list is its text with the options as keyboard rows.
 */
final class TelegramKeyboards {

    static final int MAX_CAPTION = 1024;

    private TelegramKeyboards() {
    }

    static TelegramWire.Call render(long chatId, OutboundMessage message) {
        return switch (message.kind()) {
            case CARD -> card(chatId, message);
            case LIST -> new TelegramWire.Call("sendMessage", new TelegramWire.SendMessage(chatId, message.text(),
                    keyboard(message.buttons(), null)));
            case LINK -> new TelegramWire.Call("sendMessage", new TelegramWire.SendMessage(chatId, message.text(),
                    keyboard(List.of(), message.link())));
            default -> throw new IllegalArgumentException("not a rich message: " + message.kind());
        };
    }

    private static TelegramWire.Call card(long chatId, OutboundMessage message) {
        String text = message.title() + "\n\n" + message.text();
        TelegramWire.Markup markup = message.buttons().isEmpty() && message.link() == null ? null
                : keyboard(message.buttons(), message.link());
        if (message.imageUrl() != null && text.length() <= MAX_CAPTION) {
            return new TelegramWire.Call("sendPhoto",
                    new TelegramWire.SendPhoto(chatId, message.imageUrl(), text, markup));
        }
        return new TelegramWire.Call("sendMessage", new TelegramWire.SendMessage(chatId, text, markup));
    }

    private static TelegramWire.Markup keyboard(List<Step.Button> buttons, Step.Link link) {
        List<List<TelegramWire.Key>> rows = new ArrayList<>();
        buttons.forEach(button -> rows.add(List.of(new TelegramWire.Key(button.label(), button.postback(), null))));
        if (link != null) {
            rows.add(List.of(new TelegramWire.Key(link.label(), null, link.url())));
        }
        return new TelegramWire.Markup(rows);
    }
}
