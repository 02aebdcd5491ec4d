package io.parley.worker.llm;

/**
 * Receives the answer's text as the provider streams it (docs/llm.md "Streaming"), on the thread reading the stream.
 * Advisory: the call still returns the whole {@link LlmReply}, which is what is stored and sent. Must be quick and
 * must not throw.
 */
public interface LlmTokens {

    /** The next piece of the answer's text (a model's token or a few). */
    void token(String text);

    /** The call is tried again ({@link ResilientLlm}): the text streamed so far is void, the next starts over. */
    default void restart() {
    }
}
