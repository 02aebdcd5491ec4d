package io.parley.worker.llm;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One streamed request: LangChain4j's callbacks turned back into a call that returns the whole response by the
 * deadline. The stream is read on a virtual thread of its own so that the deadline bounds the whole answer (the HTTP
 * client's timeout only bounds its head): at the deadline that thread is interrupted and the call times out. Text
 * pieces go to {@link LlmTokens} until the call is over, never after.
 */
final class StreamedAnswer {

    private StreamedAnswer() {
    }

    static ChatResponse read(StreamingChatModel model, ChatRequest request, Instant deadline, LlmTokens tokens) {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        AtomicBoolean over = new AtomicBoolean();
        Thread reader = Thread.ofVirtual().name("llm-stream").start(() ->
                ScopedValue.where(ProviderHttpClient.DEADLINE, deadline).run(() -> {
                    try {
                        model.chat(request, new StreamingChatResponseHandler() {
                            @Override
                            public void onPartialResponse(String text) {
                                if (!over.get() && text != null && !text.isEmpty()) {
                                    tokens.token(text);
                                }
                            }

                            @Override
                            public void onCompleteResponse(ChatResponse response) {
                                done.complete(response);
                            }

                            @Override
                            public void onError(Throwable error) {
                                done.completeExceptionally(error);
                            }
                        });
                    } catch (RuntimeException e) {
                        done.completeExceptionally(e);
                    }
                }));
        try {
            long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            return done.get(left, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw timedOut(over, reader);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw timedOut(over, reader);
        } catch (ExecutionException e) {
            over.set(true);
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } finally {
            over.set(true);
        }
    }

    private static LlmFailure timedOut(AtomicBoolean over, Thread reader) {
        over.set(true);
        reader.interrupt();
        return new LlmFailure(LlmOutcome.TIMEOUT, "no answer before the deadline", false, true, null);
    }
}
