package io.parley.worker.llm;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * One chat completion. Contract: answers by {@link LlmCall#deadline()} or throws {@link LlmFailure}; makes one
 * attempt (retries and the circuit breaker are {@link ResilientLlm}'s job); never logs or throws the API key or
 * the prompt.
 */
public interface LlmClient {

    LlmReply chat(List<LlmMessage> messages, LlmCall call);

    /**
     * The same call, with the answer's text also handed to {@code tokens} as it is produced (null: no streaming).
     * A client that cannot stream answers whole and hands nothing to {@code tokens}.
     */
    default LlmReply chat(List<LlmMessage> messages, LlmCall call, @Nullable LlmTokens tokens) {
        return chat(messages, call);
    }
}
