package io.parley.worker.outbound.governor;

import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.ChannelType;
import io.parley.core.ratelimit.SendGovernor;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;

/**
 * Which governor buckets a send takes from, and how many tokens: every send of a channel, live reply or broadcast,
 * goes through here (docs/broadcasts.md "Rate governor"). WhatsApp's bucket is per phone number id (two channels on
 * one number share it), LINE's per channel and endpoint, Telegram's per bot plus one per chat.
 */
@Singleton
public final class SendPacing {

    /** LINE endpoints count separately (push/reply vs multicast). */
    public enum LineEndpoint { PUSH, MULTICAST }

    private final SendGovernor governor;
    private final SendRateSettings rates;

    SendPacing(SendGovernor governor, SendRateSettings rates) {
        this.governor = governor;
        this.rates = rates;
    }

    /**
     * Takes what one message to {@code recipient} needs, or returns how long to wait (nothing taken). LINE counts
     * requests: pass {@code endpoint} (null = push/reply).
     */
    public Duration tryTake(ChannelRow channel, Map<String, String> credentials, String recipient,
                            SendGovernor.Priority priority, LineEndpoint endpoint) {
        if (!rates.enabled()) {
            return Duration.ZERO;
        }
        return switch (channel.channelType()) {
            case WHATSAPP -> governor.tryTake(whatsappKey(channel, credentials), rates.whatsappPerSecond(), 1,
                    priority);
            case LINE -> endpoint == LineEndpoint.MULTICAST
                    ? governor.tryTake("line:" + channel.id() + ":multicast", rates.lineMulticastPerSecond(), 1,
                    priority)
                    : governor.tryTake("line:" + channel.id() + ":push", rates.linePushPerSecond(), 1, priority);
            case TELEGRAM -> telegram(channel, recipient, priority);
            default -> Duration.ZERO;
        };
    }

    /** Blocks until taken. */
    public void take(ChannelRow channel, Map<String, String> credentials, String recipient,
                     SendGovernor.Priority priority, LineEndpoint endpoint) throws InterruptedException {
        for (Duration wait = tryTake(channel, credentials, recipient, priority, endpoint); !wait.isZero();
             wait = tryTake(channel, credentials, recipient, priority, endpoint)) {
            Thread.sleep(Math.clamp(wait.toMillis(), 1, 1000));
        }
    }

    /** A provider said "too fast" on this channel: nobody sends on its scope for {@code pause}. */
    public void penalize(ChannelRow channel, Map<String, String> credentials, Duration pause) {
        if (!rates.enabled()) {
            return;
        }
        switch (channel.channelType()) {
            case WHATSAPP -> governor.penalize(whatsappKey(channel, credentials), rates.whatsappPerSecond(), pause);
            case LINE -> governor.penalize("line:" + channel.id() + ":push", rates.linePushPerSecond(), pause);
            case TELEGRAM -> governor.penalize("telegram:" + channel.id(), rates.telegramPerSecond(), pause);
            default -> {
            }
        }
    }

    private Duration telegram(ChannelRow channel, String chat, SendGovernor.Priority priority) {
        Duration bot = governor.tryTake("telegram:" + channel.id(), rates.telegramPerSecond(), 1, priority);
        if (!bot.isZero()) {
            return bot;
        }
        // Per chat: 1/s with a small burst. The bot token above is spent even if the chat must wait: a slightly
        // slower bot on a busy chat is safer than a 429.
        return governor.tryTake("telegram-chat:" + channel.id() + ":" + chat, 1, rates.telegramChatBurst(), 1,
                priority);
    }

    private static String whatsappKey(ChannelRow channel, Map<String, String> credentials) {
        String number = credentials.get("phoneNumberId");
        return "whatsapp:" + (number == null || number.isBlank() ? channel.id() : number);
    }
}
