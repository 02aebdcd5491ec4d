package io.parley.worker.turn;

import io.parley.core.channel.ChannelRow;
import io.parley.core.message.EventAttributes;
import io.parley.core.message.InboundEvent;
import io.parley.worker.outbound.line.LineLoading;
import io.parley.worker.outbound.telegram.TelegramTyping;
import io.parley.worker.outbound.whatsapp.WhatsAppReads;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Tells the contact the bot is working while the LLM thinks: LINE's loading animation (1:1 chats only), WhatsApp's
 * read receipt, Telegram's "typing…". Best effort and fire-and-forget on a virtual thread: a slow or failing signal
 * must never delay or fail the answer.
 */
@Singleton
final class WorkingSignals {

    /** LINE accepts 5..60 s in steps of 5; the animation ends early when the reply arrives. */
    private static final int LINE_LOADING_SECONDS = 20;

    private final LineLoading line;
    private final WhatsAppReads whatsApp;
    private final TelegramTyping telegram;

    WorkingSignals(LineLoading line, WhatsAppReads whatsApp, TelegramTyping telegram) {
        this.line = line;
        this.whatsApp = whatsApp;
        this.telegram = telegram;
    }

    void signal(ChannelRow channel, InboundEvent event) {
        Thread.ofVirtual().name("working-signal").start(() -> send(channel, event));
    }

    private void send(ChannelRow channel, InboundEvent event) {
        Map<String, String> attributes = event.attributes() == null ? Map.of() : event.attributes();
        switch (channel.channelType()) {
            case LINE -> {
                if (event.directChat() && event.externalUserId() != null) {
                    line.start(channel, event.externalUserId(), LINE_LOADING_SECONDS);
                }
            }
            case WHATSAPP -> {
                if (event.providerMessageId() != null) {
                    whatsApp.markRead(channel, event.providerMessageId());
                }
            }
            case TELEGRAM -> {
                String chat = attributes.getOrDefault(EventAttributes.CHAT_ID, event.externalUserId());
                if (chat != null) {
                    telegram.typing(channel, chat);
                }
            }
            default -> {
                // web chat: the widget shows its own indicator
            }
        }
    }
}
