package io.parley.worker.llm;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in demo model, used when no API key is configured anywhere (or a bot picks provider "demo"): instant,
 * deterministic, free, and plainly a demo, so a newcomer can chat with a bot at once and sees what to configure.
 */
@Singleton
final class DemoLlm implements LlmClient {

    private static final int ECHO_LIMIT = 200;
    /** The first excerpt of the knowledge block (worker knowledge/KnowledgePrompt): its reference and first line. */
    private static final Pattern EXCERPT = Pattern.compile("\n<knowledge>\n\\[1] ([^\n]+)\n([^\n]+)");

    @Override
    public LlmReply chat(List<LlmMessage> messages, LlmCall call) {
        String said = messages.reversed().stream().filter(m -> m.role() == LlmMessage.Role.USER)
                .map(LlmMessage::content).findFirst().orElse("").strip();
        String reply = answer(call.assistantName(), said, turnsSoFar(messages)) + cited(messages);
        int prompt = messages.stream().mapToInt(m -> estimateTokens(m.content())).sum();
        return new LlmReply(reply, prompt, estimateTokens(reply));
    }

    static String answer(String name, String said, int turn) {
        String who = name == null || name.isBlank() ? "your bot" : name;
        String echo = said.codePointCount(0, said.length()) <= ECHO_LIMIT ? said
                : said.substring(0, said.offsetByCodePoints(0, ECHO_LIMIT)) + "…";
        int characters = said.codePointCount(0, said.length());
        String play = said.endsWith("?") || said.endsWith("？") ? "Great question — a real model would answer it."
                : turn == 1 ? "Nice to meet you!" : "Message " + turn + " of our chat, and I'm still listening.";
        return "Demo reply from " + who + ": you said “" + echo + "” (" + characters + " characters). " + play
                + " (This is Parley's built-in demo LLM; add an LLM API key to get real answers.)";
    }

    /**
     * With knowledge-base excerpts in the prompt, the demo quotes the first one and cites it as a real model is asked
     * to, so a newcomer sees the knowledge base work before adding a key.
     */
    static String cited(List<LlmMessage> messages) {
        if (messages.isEmpty() || messages.getFirst().role() != LlmMessage.Role.SYSTEM) {
            return "";
        }
        Matcher excerpt = EXCERPT.matcher(messages.getFirst().content());
        return excerpt.find() ? " From the knowledge base: “" + excerpt.group(2).strip() + "” [1] (" + excerpt.group(1)
                + ")." : "";
    }

    private static int turnsSoFar(List<LlmMessage> messages) {
        return (int) messages.stream().filter(m -> m.role() == LlmMessage.Role.USER).count();
    }

    /** About four characters per token, as OpenAI's rule of thumb; the demo bills nothing anyway. */
    private static int estimateTokens(String text) {
        return text == null ? 0 : Math.max(1, (text.length() + 3) / 4);
    }
}
