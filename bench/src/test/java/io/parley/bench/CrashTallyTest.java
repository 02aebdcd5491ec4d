package io.parley.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the crash run counts what contacts saw. */
class CrashTallyTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void oneAnswerCoveringSeveralMessagesAnswersEachOnce() {
        CrashTally tally = new CrashTally();
        tally.sent(1, 1, 0);
        tally.sent(1, 2, 0);
        tally.sent(1, 3, 0);

        tally.answered("{\"messages\":[{\"type\":\"text\",\"text\":\"ans#1 c1:m1 c1:m2\"}]}", false, SECOND);

        CrashTally.Figures figures = tally.figures();
        assertThat(figures.lost()).as("c1:m3 has no answer").isEqualTo(1);
        assertThat(figures.duplicates()).isZero();
        assertThat(figures.answers()).isEqualTo(1);
    }

    @Test
    void aReplyThenAPushOfTheSameAnswerIsOneDuplicateAndALateAnswerIsCountedWithItsDelay() {
        CrashTally tally = new CrashTally();
        tally.sent(2, 1, 0);
        tally.sent(2, 2, 0);

        tally.answered("ans#1 c2:m1", false, SECOND);
        tally.answered("ans#1 c2:m1", true, 3 * SECOND);
        tally.answered("ans#2 c2:m2", true, 70 * SECOND);

        CrashTally.Figures figures = tally.figures();
        assertThat(figures.duplicates()).isEqualTo(1);
        assertThat(figures.latePushed()).as("first answers that came by push").isEqualTo(1);
        assertThat(figures.pushedMaxMs()).isEqualTo(70_000);
        assertThat(figures.over10s()).isEqualTo(1);
    }

    @Test
    void anAnswerToOlderMessagesAfterANewerOneIsReordered() {
        CrashTally tally = new CrashTally();
        tally.sent(3, 1, 0);
        tally.sent(3, 2, 0);

        tally.answered("ans#1 c3:m2", false, SECOND);
        tally.answered("ans#2 c3:m1", false, 2 * SECOND);

        assertThat(tally.figures().reordered()).isEqualTo(1);
    }

    @Test
    void twoDifferentAnswersNamingOneMessageAreNoDuplicate() {
        CrashTally tally = new CrashTally();
        tally.sent(5, 1, 0);
        tally.sent(5, 2, 0);

        tally.answered("ans#1 c5:m1", false, SECOND);
        tally.answered("ans#2 c5:m1 c5:m2", false, 2 * SECOND);

        assertThat(tally.figures().duplicates()).isZero();
        assertThat(tally.figures().namedAgain()).isEqualTo(1);
    }

    @Test
    void theFakeLlmAnswersTheUserMessagesAfterTheLastAssistantMessage() {
        String request = "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"You are Bench\"},"
                + "{\"role\":\"user\",\"content\":\"c4:m1\"},{\"role\":\"assistant\",\"content\":\"ans c4:m1\"},"
                + "{\"content\":\"c4:m2\",\"role\":\"user\"},{\"role\":\"user\",\"content\":\"c4:m3\"}]}";

        assertThat(CrashFakes.newMessages(request)).containsExactly("c4:m2", "c4:m3");
    }
}
