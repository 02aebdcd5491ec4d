package io.parley.worker.outbound.telegram;

import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.ProviderEndpoints;
import io.parley.worker.outbound.ChatSignals;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * <b>For the turn:</b> shows "typing…" in a Telegram chat (sendChatAction typing,
 * https://core.telegram.org/bots/api#sendchataction). It lasts 5 s or until the bot's next message: repeat about
 * every 4 s while the LLM works. {@code chatId} is the contact's Telegram id (private chats).
 *
 * <p>Best-effort ({@link ChatSignals}): answers whether Telegram took it, never throws for a provider problem. Call
 * it outside any database transaction.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
public final class TelegramTyping {

    private final ChatSignals signals;
    private final ProviderEndpoints endpoints;

    TelegramTyping(ChatSignals signals, ProviderEndpoints endpoints) {
        this.signals = signals;
        this.endpoints = endpoints;
    }

    public boolean typing(ChannelRow channel, String chatId) {
        return signals.send(channel, ChannelType.TELEGRAM, "typing indicator", credentials -> {
            String token = credentials.get(TelegramSender.BOT_TOKEN);
            long chat;
            try {
                chat = Long.parseLong(chatId);
            } catch (NumberFormatException e) {
                return null;
            }
            return token == null ? null : new ChatSignals.Signal(TelegramSender.uri(endpoints, token,
                    "sendChatAction"), new TelegramWire.ChatAction(chat, "typing"), Map.of());
        });
    }
}
