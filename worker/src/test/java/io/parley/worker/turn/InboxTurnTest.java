package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.channel.BusinessHours;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.conversation.MessageRow;
import io.parley.core.conversation.NoteRepository;
import io.parley.core.flow.Flow;
import io.parley.core.flow.Step;
import io.parley.core.flow.Trigger;
import io.parley.core.tenancy.Ids;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The turn's side of the team inbox: hand-offs wait for a person (saying from when outside a web chat's business
 * hours), resolved conversations reopen, notes stay private.
 */
@MicronautTest(transactional = false)
class InboxTurnTest extends TurnTest {

    private final FakeLlm llm = new FakeLlm();

    @Inject
    NoteRepository notes;

    @AfterAll
    void stopTheFake() {
        llm.close();
    }

    @Test
    void aFlowHandOffMakesTheConversationWaitForAPersonAndNamesTheFlowAsTheSource() {
        World world = world(BotSpec.demo(), "web");
        flow(world, new Flow(Ids.next(), "human", true, 0, new Trigger.Regex("(?i)\\bhuman\\b"),
                List.of(new Step.Handoff("A person will reply shortly."))));

        ConversationRow handedOff = conversation(world, say(world, "U1", "I want a human"));

        assertThat(handedOff.botPaused()).isTrue();
        assertThat(handedOff.status()).isEqualTo("waiting");
        assertThat(handedOff.handoffSource()).isEqualTo("flow");
    }

    @Test
    void aFlowItsKeywordStartedHandsOffAsAKeywordInTheBotsOwnWords() {
        World world = world(BotSpec.demo(), "web");
        scope.writeVoid(world.tenant(), () -> bots.setHandoffText(world.tenant().value(), world.bot(),
                "Mei replies within the hour."));
        flow(world, new Flow(Ids.next(), "human", true, 0,
                new Trigger.Keyword(List.of("human"), Trigger.Match.CONTAINS),
                List.of(new Step.Handoff("Connecting you to our team."))));

        UUID asked = say(world, "U1", "I want a human");
        ConversationRow handedOff = conversation(world, asked);

        assertThat(handedOff.handoffSource()).isEqualTo("keyword");
        assertThat(messagesOf(world, handedOff.id())).filteredOn(m -> "Connecting you to our team.".equals(m.text()))
                .singleElement().satisfies(m -> assertThat(m.payload())
                        .contains("\"personAnswersText\"", "Mei replies within the hour."));
    }

    @Test
    void aFlowHandOffOnAWebChatOutsideBusinessHoursSaysFromWhenAPersonAnswers() {
        World world = world(BotSpec.demo(), "web");
        // open only tomorrow (in UTC), so it is closed now whatever the time of the run
        String tomorrow = BusinessHours.DAYS.get(LocalDate.now(ZoneOffset.UTC).plusDays(1).getDayOfWeek().getValue() - 1);
        scope.writeVoid(world.tenant(), () -> sql("UPDATE channels SET web_settings = CAST(? AS jsonb) WHERE id = ?",
                "{\"businessHours\": {\"timeZone\": \"UTC\", \"days\": {\"" + tomorrow
                        + "\": {\"open\": \"09:00\", \"close\": \"18:00\"}}}}", world.channel()));
        flow(world, new Flow(Ids.next(), "human", true, 0, new Trigger.Regex("(?i)\\bhuman\\b"),
                List.of(new Step.Handoff("A person will reply shortly."))));

        ConversationRow handedOff = conversation(world, say(world, "U1", "I want a human"));

        assertThat(messagesOf(world, handedOff.id())).filteredOn(m -> "A person will reply shortly.".equals(m.text()))
                .singleElement().satisfies(m -> assertThat(m.payload()).contains("\"personAnswersFrom\"")
                        .contains("\"" + tomorrow + "\"").contains("\"09:00\""));
    }

    @Test
    void aFlowHandOffOnAWebChatWithoutBusinessHoursSaysNoOpening() {
        World world = world(BotSpec.demo(), "web");
        flow(world, new Flow(Ids.next(), "human", true, 0, new Trigger.Regex("(?i)\\bhuman\\b"),
                List.of(new Step.Handoff("A person will reply shortly."))));

        ConversationRow handedOff = conversation(world, say(world, "U1", "I want a human"));

        assertThat(messagesOf(world, handedOff.id())).filteredOn(m -> "A person will reply shortly.".equals(m.text()))
                .singleElement().satisfies(m -> assertThat(m.payload()).contains("\"handoff\"")
                        .doesNotContain("personAnswersFrom"));
    }

    @Test
    void aResolvedConversationReopensWhenTheContactWritesAgain() {
        World world = world(BotSpec.demo(), "web");
        UUID first = say(world, "U1", "hello");
        UUID conversation = conversation(world, first).id();
        scope.writeVoid(world.tenant(), () -> conversations.setStatus(world.tenant().value(), conversation,
                "resolved"));

        ConversationRow reopened = conversation(world, say(world, "U1", "one more question"));

        assertThat(reopened.status()).isEqualTo("open");
        assertThat(reopened.resolvedAt()).isNull();
    }

    @Test
    void aPrivateNoteIsNeverInTheLlmPromptNorAmongTheMessages() {
        World world = world(BotSpec.llm(llm), "web");
        UUID first = say(world, "U1", "first question");
        UUID conversation = conversation(world, first).id();
        scope.writeVoid(world.tenant(), () -> notes.insert(world.tenant().value(), Ids.next(), conversation, null,
                "PRIVATE: refund approved by Ann"));
        int before = llm.calls().size();

        say(world, "U1", "second question");

        List<Map<String, Object>> prompt = promptOf(llm.calls().get(before));
        assertThat(prompt).extracting(m -> m.get("content")).contains("first question", "second question")
                .noneMatch(content -> String.valueOf(content).contains("refund approved"));
        assertThat(messagesOf(world, conversation)).extracting(MessageRow::text)
                .noneMatch(text -> text != null && text.contains("refund approved"));
    }
}
