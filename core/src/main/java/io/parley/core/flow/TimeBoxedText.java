package io.parley.core.flow;

/**
 * Message text that stops a regex evaluation once its time budget is spent. Java's regex engine has no timeout,
 * and some patterns (nested quantifiers with back-references, e.g. {@code (a+)+\1$}) backtrack exponentially; the
 * engine reads the input only through {@link #charAt}, so throwing there unwinds the match on the worker's own
 * thread without a watchdog thread. The clock is read every 1024 characters to keep the common case cheap.
 */
final class TimeBoxedText implements CharSequence {

    private final CharSequence text;
    private final long deadlineNanos;
    private int reads;

    TimeBoxedText(CharSequence text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 0x3FF) == 0 && System.nanoTime() - deadlineNanos > 0) {
            throw new TimedOut();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new TimeBoxedText(text.subSequence(start, end), deadlineNanos);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** The budget ran out; carries no stack trace (it is expected, and thrown from deep inside the engine). */
    static final class TimedOut extends RuntimeException {
        TimedOut() {
            super("regex time budget exceeded", null, false, false);
        }
    }
}
