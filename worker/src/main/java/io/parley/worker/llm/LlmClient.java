package io.parley.worker.llm;

import java.util.List;

/**
 * One chat completion. Contract: answers by {@link LlmCall#deadline()} or throws {@link LlmFailure}; makes one
 * attempt (retries and the circuit breaker are {@link ResilientLlm}'s job); never logs or throws the API key or
 * the prompt.
 */
public interface LlmClient {

    LlmReply chat(List<LlmMessage> messages, LlmCall call);
}
