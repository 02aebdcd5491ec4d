package io.parley.worker.outbound.governor;

import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.ChannelType;
import io.parley.core.ratelimit.SendGovernor;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which governor buckets a send takes from, and how many tokens: every send of a channel, live reply or broadcast,
 * goes through here (docs/broadcasts.md "Rate governor"). WhatsApp's bucket is per phone number id (two channels on
 * one number share it), LINE's per channel and endpoint, Telegram's per bot plus one per chat.
 */
@Singleton
public final class SendPacing {

    /**
     * WhatsApp's bucket holds this many tokens beyond the one a send takes, and refills this much slower than the
     * number's rate ({@link #whatsapp}).
     */
    static final double WHATSAPP_SLACK = 0.5;

    /**
     * How far ahead a broadcast may reserve WhatsApp slots ({@link SendGovernor#reserve}): a live reply finds its slot
     * at most this long after the broadcast's, since it may reserve up to its own longer wait.
     */
    static final double BULK_AHEAD_SECONDS = 0.25;

    /** LINE endpoints count separately (push/reply vs multicast). */
    public enum LineEndpoint { PUSH, MULTICAST }

    private final SendGovernor governor;
    /** WhatsApp number-and-user pairs paused after a 131056, until a System.nanoTime(). */
    private final ConcurrentHashMap<String, Long> pairs = new ConcurrentHashMap<>();
    private final SendRateSettings rates;
    /** The first pause after a WhatsApp 130429 ({@link #penalizeThroughput}). */
    static final Duration THROUGHPUT_FIRST_PAUSE = Duration.ofMillis(100);
    /** A 130429 this soon after the previous pause ended doubles the pause. */
    static final Duration THROUGHPUT_STREAK = Duration.ofSeconds(10);
    /** Per WhatsApp number: {end of the current 130429 pause, its length}, in System.nanoTime(). */
    private final ConcurrentHashMap<String, long[]> throughputPauses = new ConcurrentHashMap<>();
    /** This process's own WhatsApp sends per number ({@link SendWindow}), by bucket key and rate. */
    private final ConcurrentHashMap<String, SendWindow> windows = new ConcurrentHashMap<>();

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
            case WHATSAPP -> whatsapp(channel, credentials, recipient, priority);
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

    /**
     * A live send's turn (docs/broadcasts.md "Rate governor"): waits for it when it comes within {@code maxWait} and
     * returns zero (send now); otherwise takes nothing and returns how long to wait before trying again (the caller
     * retries later rather than hold a worker). A WhatsApp reply reserves its slot ahead of a broadcast's horizon,
     * so it comes first.
     */
    public Duration live(ChannelRow channel, Map<String, String> credentials, String recipient, Duration maxWait)
            throws InterruptedException {
        if (!rates.enabled()) {
            return Duration.ZERO;
        }
        if (channel.channelType() != ChannelType.WHATSAPP) {
            Duration wait;
            while (!(wait = tryTake(channel, credentials, recipient, SendGovernor.Priority.LIVE, null)).isZero()) {
                if (wait.compareTo(maxWait) > 0) {
                    return wait;
                }
                Thread.sleep(Math.max(1, wait.toMillis()));
            }
            return Duration.ZERO;
        }
        Duration paused = pairPause(channel, credentials, recipient);
        if (paused.compareTo(maxWait) > 0) {
            return paused;
        }
        if (!paused.isZero()) {
            Thread.sleep(paused);
        }
        SendGovernor.Grant grant = governor.reserve(whatsappKey(channel, credentials), whatsappRefill(credentials),
                1 + WHATSAPP_SLACK, 1, maxWait.toNanos() / 1e9);
        if (grant.tokens() == 0) {
            return grant.retryAfter();
        }
        long early = grant.slotNanoTime(0) - System.nanoTime();
        if (early > 0) {
            Thread.sleep(Duration.ofNanos(early));
        }
        window(channel, credentials).admit();
        return Duration.ZERO;
    }

    /**
     * A broadcast job's pacer on one channel: WhatsApp slots are reserved {@code batch} at a time (one governor
     * statement per batch), Telegram takes per message.
     */
    public BulkPacer bulk(ChannelRow channel, Map<String, String> credentials, int batch) {
        return new BulkPacer(this, channel, credentials, batch);
    }

    boolean whatsappPaced(ChannelRow channel) {
        return rates.enabled() && channel.channelType() == ChannelType.WHATSAPP;
    }

    SendGovernor.Grant reserveBulk(ChannelRow channel, Map<String, String> credentials, int batch) {
        return governor.reserve(whatsappKey(channel, credentials), whatsappRefill(credentials),
                1 + WHATSAPP_SLACK, batch, BULK_AHEAD_SECONDS);
    }

    /**
     * This process's gate on the channel's WhatsApp number: its sends leave at least as far apart as the slots
     * (1/(rate - 0.5) s), so a window of a second never holds more than the rate and keeps the slack (0.5/rate s:
     * 6 ms at 80/s) for requests that arrive closer than they left, even after late threads. A sliding log of the
     * last second let a late process catch up in a bunch at the very edge of the window (the fake Graph API refused
     * 130 of 4,000 at 80 msg/s), and a spacing of exactly 1/rate left no slack while catching up (8 refused).
     */
    SendWindow window(ChannelRow channel, Map<String, String> credentials) {
        int rate = whatsappRate(credentials);
        long spacing = (long) Math.ceil(1e9 / (rate - WHATSAPP_SLACK));
        return windows.compute(whatsappKey(channel, credentials), (key, old) -> old != null && old.limit() == rate
                ? old : new SendWindow(1, spacing, System::nanoTime, rate));
    }

    /** How long a WhatsApp number-and-user pair still waits after a 131056 (zero: not paused). */
    Duration pairPause(ChannelRow channel, Map<String, String> credentials, String recipient) {
        if (pairs.isEmpty() || recipient == null) {
            return Duration.ZERO;
        }
        Long until = pairs.get(pairKey(channel, credentials, recipient));
        long left = until == null ? 0 : until - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /** A provider said "too fast" on this channel: nobody sends on its scope for {@code pause}. */
    public void penalize(ChannelRow channel, Map<String, String> credentials, Duration pause) {
        if (!rates.enabled()) {
            return;
        }
        switch (channel.channelType()) {
            case WHATSAPP -> governor.penalize(whatsappKey(channel, credentials), whatsappRefill(credentials), pause);
            case LINE -> governor.penalize("line:" + channel.id() + ":push", rates.linePushPerSecond(), pause);
            case TELEGRAM -> governor.penalize("telegram:" + channel.id(), rates.telegramPerSecond(), pause);
            default -> {
            }
        }
    }

    /**
     * WhatsApp refused a broadcast send with 130429 (the number's messages per second exceeded). Meta refuses "until
     * you are within your allowed level again" (Cloud API "Throughput"): the governor already paces at the rate, so
     * a refusal means a few requests reached Meta closer together than they left (jitter on the way), and the window
     * has room again within a slot or two. The number therefore waits {@link #THROUGHPUT_FIRST_PAUSE} after a first
     * refusal, twice as long after each refusal that follows the end of the previous pause by less than
     * {@link #THROUGHPUT_STREAK}, up to {@code most} (the pause for the other rate limits): a sender that really is
     * too fast (another application on the same number) still backs off to the full pause. Refusals of requests
     * that left during a pause (they were on their way) change nothing. A fixed 5 s pause cost 400 slots per
     * refusal at 80 msg/s: 8 refusals in 4,000 sends measured 63/s (bench/README.md, "Broadcasts").
     */
    public void penalizeThroughput(ChannelRow channel, Map<String, String> credentials, Duration most) {
        if (!rates.enabled() || channel.channelType() != ChannelType.WHATSAPP) {
            return;
        }
        long now = System.nanoTime();
        long[] pause = new long[1];
        throughputPauses.compute(whatsappKey(channel, credentials), (key, last) -> {
            if (last != null && now - last[0] < 0) {
                return last; // still paused: this request left before the pause began
            }
            long length = last != null && now - last[0] < THROUGHPUT_STREAK.toNanos()
                    ? Math.min(most.toNanos(), 2 * last[1]) : Math.min(most.toNanos(), THROUGHPUT_FIRST_PAUSE.toNanos());
            pause[0] = length;
            return new long[] {now + length, length};
        });
        if (pause[0] > 0) {
            governor.penalize(whatsappKey(channel, credentials), whatsappRefill(credentials),
                    Duration.ofNanos(pause[0]));
        }
    }

    /**
     * WhatsApp answered 131056 ("pair rate limit": too many messages from this number to this one user): only that
     * pair waits {@code pause}; the number's bucket, and every other recipient, is not slowed down. Kept in this
     * process's memory (a pair limit is rare and a broadcast's job is serial: the same process sends the retry);
     * another process learns of it from its own 131056.
     */
    public void penalizePair(ChannelRow channel, Map<String, String> credentials, String recipient, Duration pause) {
        if (rates.enabled() && channel.channelType() == ChannelType.WHATSAPP) {
            long until = System.nanoTime() + pause.toNanos();
            pairs.merge(pairKey(channel, credentials, recipient), until, Math::max);
            pairs.values().removeIf(end -> end - System.nanoTime() < 0);
        }
    }

    /**
     * The pair's pause after a 131056 first, then the number's bucket at its own rate. Meta counts a number's
     * throughput per second and refuses what goes beyond with 130429 (then the whole number waits), so the bucket
     * paces rather than bursts: it holds 1 + {@link #WHATSAPP_SLACK} tokens and refills at the rate less the slack,
     * so that no one-second window holds more than the rate (a window from t takes at most
     * 1.5 + (rate - 0.5) * s tokens, s < 1: under rate + 1). A bucket of a second's worth let a broadcast send 1.8
     * times the rate in its first second (80 % of the bucket plus a second's refill) and again after every pause.
     * Live replies keep their priority: they take at one token, broadcasts only while a fifth of the bucket (0.3)
     * would be left.
     */
    private Duration whatsapp(ChannelRow channel, Map<String, String> credentials, String recipient,
                             SendGovernor.Priority priority) {
        Duration paused = pairPause(channel, credentials, recipient);
        if (!paused.isZero()) {
            return paused;
        }
        return governor.tryTake(whatsappKey(channel, credentials), whatsappRefill(credentials),
                1 + WHATSAPP_SLACK, 1, priority);
    }

    private double whatsappRefill(Map<String, String> credentials) {
        return whatsappRate(credentials) - WHATSAPP_SLACK;
    }

    /** The per-second rate of a WhatsApp number: its channel's {@code messagesPerSecond}, else the setting. */
    int whatsappRate(Map<String, String> credentials) {
        String own = credentials.get("messagesPerSecond");
        if (own != null) {
            try {
                return Math.clamp(Integer.parseInt(own.strip()), 1, 1000);
            } catch (NumberFormatException e) {
                return rates.whatsappPerSecond(); // the API validates it; an old or hand-made value falls back
            }
        }
        return rates.whatsappPerSecond();
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

    private static String pairKey(ChannelRow channel, Map<String, String> credentials, String recipient) {
        return "whatsapp-pair:" + whatsappKey(channel, credentials).substring("whatsapp:".length()) + ":" + recipient;
    }

    private static String whatsappKey(ChannelRow channel, Map<String, String> credentials) {
        String number = credentials.get("phoneNumberId");
        return "whatsapp:" + (number == null || number.isBlank() ? channel.id() : number);
    }
}
