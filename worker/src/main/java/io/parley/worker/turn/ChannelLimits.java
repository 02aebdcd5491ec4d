package io.parley.worker.turn;

import io.parley.core.channel.ChannelType;

/**
 * How much one text message and one reply may hold on a channel. LINE: 5000 characters per text object and at
 * most 5 objects per reply (shared/protocols README §1.1); Telegram sendMessage and WhatsApp text bodies: 4096;
 * the web widget has no limit. Lengths are counted in UTF-16 units, which is never less than the providers count.
 *
 * @param maxChars    0 = no limit
 * @param maxMessages messages one answer may be split into (beyond LINE's rule: a wall of messages reads worse
 *                    than a shortened answer)
 */
record ChannelLimits(int maxChars, int maxMessages) {

    static ChannelLimits of(ChannelType type) {
        return switch (type) {
            case LINE -> new ChannelLimits(5000, 5);
            case TELEGRAM, WHATSAPP -> new ChannelLimits(4096, 10);
            case WEB -> new ChannelLimits(0, 1);
        };
    }
}
