package io.parley.worker.llm;

import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

import java.util.Objects;

/**
 * A function the model may call (OpenAI-compatible {@code tools}): its name, what it is for, and the JSON schema of
 * its arguments (LangChain4j's schema types, which it writes as the request's {@code parameters}).
 */
public record LlmTool(String name, String description, JsonObjectSchema parameters) {

    public LlmTool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
    }
}
