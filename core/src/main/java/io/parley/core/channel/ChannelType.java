package io.parley.core.channel;

import java.util.Locale;
import java.util.Optional;

/** The messaging apps a bot can be connected to; the wire name is used in the API, the database and webhook paths. */
public enum ChannelType {
    LINE("LINE"), WHATSAPP("WhatsApp"), TELEGRAM("Telegram"), WEB("Web chat");

    private final String label;

    ChannelType(String label) {
        this.label = label;
    }

    /** e.g. "whatsapp", as in {@code /webhooks/whatsapp/{channelId}}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The product's name for people, e.g. "WhatsApp". */
    public String label() {
        return label;
    }

    public static Optional<ChannelType> fromWire(String text) {
        for (ChannelType type : values()) {
            if (type.wireName().equals(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
