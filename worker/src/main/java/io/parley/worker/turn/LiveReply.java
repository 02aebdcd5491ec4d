package io.parley.worker.turn;

import io.micronaut.core.annotation.Nullable;
import io.parley.worker.llm.LlmTokens;

/**
 * The LLM's answer as it is written, in pieces for the web chat's {@code delta} events (docs/llm.md "Streaming"):
 * tokens are gathered and sent at most every {@link #INTERVAL_NANOS}, and only up to the last space or punctuation
 * mark, so that the bot's output conversion (OpenCC's phrase dictionaries: 软件 → 軟體 needs both characters) sees
 * whole words and phrases — the final reply, converted whole, reads the same. A piece without any boundary is sent
 * whole once it is long (a run of Chinese without punctuation), where a phrase split between two pieces can then be
 * converted character by character in the preview only. Each piece goes with its offset in the converted text; a
 * retried call starts over at 0.
 */
final class LiveReply implements LlmTokens {

    /** How often pieces go out: often enough to read as typing, rarely enough to keep NOTIFYs few. */
    static final long INTERVAL_NANOS = 150_000_000L;
    /** Text without a boundary sent anyway past this length (UTF-16 units). */
    static final int MAX_HELD = 200;

    /** Where a piece goes: its converted text at {@code offset} of the converted answer. */
    @FunctionalInterface
    interface Sink {
        void delta(int offset, String text);
    }

    private final Sink sink;
    private final @Nullable String conversion;
    private final StringBuilder held = new StringBuilder();
    private int sent;
    private long lastSent = Long.MIN_VALUE;

    LiveReply(Sink sink, @Nullable String conversion) {
        this.sink = sink;
        this.conversion = conversion;
    }

    @Override
    public synchronized void token(String text) {
        held.append(text);
        long now = System.nanoTime();
        if (lastSent == Long.MIN_VALUE || now - lastSent >= INTERVAL_NANOS) {
            send(false, now);
        }
    }

    @Override
    public synchronized void restart() {
        held.setLength(0);
        sent = 0;
        lastSent = Long.MIN_VALUE;
    }

    /** The answer is complete: what is held goes out. */
    synchronized void finish() {
        send(true, System.nanoTime());
    }

    private void send(boolean all, long now) {
        int cut = all ? held.length() : lastBoundary() + 1;
        if (cut == 0 && held.length() >= MAX_HELD) {
            cut = held.length();
            if (Character.isHighSurrogate(held.charAt(cut - 1))) {
                cut--;
            }
        }
        if (cut == 0) {
            return;
        }
        String piece = OutputConversion.apply(conversion, held.substring(0, cut));
        held.delete(0, cut);
        if (sent == 0) {
            piece = piece.stripLeading(); // the reply is stripped; its preview too
        }
        if (piece.isEmpty()) {
            return;
        }
        sink.delta(sent, piece);
        sent += piece.length();
        lastSent = now;
    }

    private int lastBoundary() {
        for (int i = held.length() - 1; i >= 0; i--) {
            if (boundary(held.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static boolean boundary(char c) {
        if (Character.isWhitespace(c)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.OTHER_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.DASH_PUNCTUATION -> true;
            default -> false;
        };
    }
}
