package io.parley.worker.llm;

/**
 * A call of one of the offered tools in the model's answer; {@code arguments} is the JSON text as the model wrote it
 * (possibly malformed: the caller parses it). Never logged: it may quote what the contact said.
 */
public record LlmToolCall(String id, String name, String arguments) {

    @Override
    public String toString() {
        return "LlmToolCall[" + name + "]";
    }
}
