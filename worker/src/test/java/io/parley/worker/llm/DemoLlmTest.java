package io.parley.worker.llm;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoLlmTest {

    private final DemoLlm demo = new DemoLlm();

    private LlmReply ask(List<LlmMessage> messages) {
        return demo.chat(messages, new LlmCall(LlmEndpoint.demo(), null, null, Instant.now(), "Kai"));
    }

    @Test
    void answersDeterministicallyInTheBotsNameAndSaysItIsADemo() {
        List<LlmMessage> prompt = List.of(LlmMessage.system("You are Kai."), LlmMessage.user("hello"));

        LlmReply first = ask(prompt);

        assertThat(first).isEqualTo(ask(prompt));
        assertThat(first.text()).startsWith("Demo reply from Kai: you said “hello” (5 characters). Nice to meet you!")
                .contains("demo LLM");
        assertThat(first.promptTokens()).isPositive();
    }

    @Test
    void playsWithQuestionsAndLongerChats() {
        assertThat(ask(List.of(LlmMessage.user("a"), LlmMessage.assistant("b"), LlmMessage.user("why?"))).text())
                .contains("Great question");
        assertThat(ask(List.of(LlmMessage.user("a"), LlmMessage.assistant("b"), LlmMessage.user("ok"))).text())
                .contains("Message 2 of our chat");
    }

    @Test
    void quotesAndCitesTheFirstKnowledgeExcerptWhenThePromptHasOne() {
        String system = "You are Kai.\n\nExcerpts from the knowledge base follow.\n<knowledge>\n[1] Shop guide › Hours\n"
                + "Open nine to six.\nOn weekdays.\n\n[2] Other\nText\n</knowledge>";

        String reply = ask(List.of(LlmMessage.system(system), LlmMessage.user("hours?"))).text();

        assertThat(reply).endsWith(" From the knowledge base: “Open nine to six.” [1] (Shop guide › Hours).");
        assertThat(ask(List.of(LlmMessage.system("You are Kai."), LlmMessage.user("hours?"))).text())
                .doesNotContain("knowledge base");
    }
}
