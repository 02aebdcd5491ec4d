package io.parley.worker.turn;

import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.ChannelType;
import io.parley.core.message.EventAttributes;
import io.parley.core.message.InboundEvent;
import io.parley.worker.outbound.line.LineLoading;
import io.parley.worker.outbound.telegram.TelegramTyping;
import io.parley.worker.outbound.web.WebChatLive;
import io.parley.worker.outbound.whatsapp.WhatsAppReads;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Tells the contact the bot is working while the LLM thinks: LINE's loading animation (1:1 chats only), WhatsApp's
 * read receipt, Telegram's "typing…", the web chat's {@code composing} event (the widget and the test chat show
 * "typing" only then, and stop at the reply or at {@link #stopped}). Best effort: a slow or failing signal must never
 * delay or fail the answer, so the providers' calls are fire-and-forget on a virtual thread; the web chat's is one
 * local NOTIFY sent on the turn's thread, so that it is always heard before the reply.
 */
@Singleton
final class WorkingSignals {

    /** LINE accepts 5..60 s in steps of 5; the animation ends early when the reply arrives. */
    private static final int LINE_LOADING_SECONDS = 20;

    private final LineLoading line;
    private final WhatsAppReads whatsApp;
    private final TelegramTyping telegram;
    private final WebChatLive web;

    WorkingSignals(LineLoading line, WhatsAppReads whatsApp, TelegramTyping telegram, WebChatLive web) {
        this.web = web;
        this.line = line;
        this.whatsApp = whatsApp;
        this.telegram = telegram;
    }

    void signal(Turn turn) {
        if (turn.channel().channelType() == ChannelType.WEB) {
            // on the turn's thread (one short NOTIFY): heard before the reply's own NOTIFY, never after it
            send(turn, turn.channel(), turn.event());
            return;
        }
        Thread.ofVirtual().name("working-signal").start(() -> send(turn, turn.channel(), turn.event()));
    }

    /** The turn ended without a reply to send (e.g. a person took over meanwhile): the web chat stops "typing". */
    void stopped(Turn turn) {
        if (turn.channel().channelType() == ChannelType.WEB && turn.event().externalUserId() != null) {
            web.idle(turn.tenant(), turn.channel().id(), turn.event().externalUserId(), turn.eventId());
        }
    }

    private void send(Turn turn, ChannelRow channel, InboundEvent event) {
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
            case WEB -> {
                if (event.externalUserId() != null) {
                    web.composing(turn.tenant(), channel.id(), event.externalUserId(), turn.eventId());
                }
            }
        }
    }
}
