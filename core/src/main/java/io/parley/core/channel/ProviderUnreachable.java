package io.parley.core.channel;

/**
 * A provider API gave no usable answer: not reachable, no answer in time, or a 5xx. The message names the provider
 * and what happened, never the address (it may hold a token). {@code answerLost} says the request may have reached
 * the provider (a timeout or a broken connection after sending), which matters to a sender deciding whether a retry
 * could deliver twice.
 */
public final class ProviderUnreachable extends Exception {

    private final boolean answerLost;

    public ProviderUnreachable(String message, boolean answerLost) {
        super(message, null, false, false);
        this.answerLost = answerLost;
    }

    public boolean answerLost() {
        return answerLost;
    }
}
