package io.parley.worker.llm;

import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.micronaut.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The real provider clients and retry policy, wired by hand for provider tests: two attempts per call, a breaker
 * that does not open in a test's few calls.
 */
final class ProviderKit implements AutoCloseable {

    static final List<LlmMessage> PROMPT = List.of(LlmMessage.system("You are Mei's companion."),
            LlmMessage.user("Hi, I'm Mei"), LlmMessage.assistant("Hello Mei!"), LlmMessage.user("Remember my name"));
    static final LlmTool UPDATE_MEMORY = new LlmTool("update_memory", "Save facts about the contact",
            JsonObjectSchema.builder().addStringProperty("name").build());

    final LlmSettings settings = new LlmSettings("openai-compatible", "https://api.openai.com/v1", null, "gpt-4o-mini",
            Duration.ofSeconds(20), Duration.ofSeconds(45), Duration.ofSeconds(5), Duration.ofSeconds(2), 2,
            Duration.ofSeconds(120), 20, 10, 50, Duration.ofSeconds(30), "2024-10-21");
    private final LangChainLlm langChain = new LangChainLlm(settings, JsonMapper.createDefault());
    private final OllamaLlm ollama = new OllamaLlm(settings, JsonMapper.createDefault());
    final ResilientLlm llm = new ResilientLlm(langChain, ollama, new DemoLlm(), settings);

    static LlmCall call(LlmEndpoint endpoint, LlmTool... tools) {
        return new LlmCall(endpoint, 0.5, 300, Instant.now().plusSeconds(20), "Mei's bot", List.of(tools));
    }

    @Override
    public void close() {
        langChain.close();
        ollama.close();
    }
}
