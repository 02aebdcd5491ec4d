package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.conversation.MessageRow;
import io.parley.core.flow.Flow;
import io.parley.core.flow.Step;
import io.parley.core.flow.Trigger;
import io.parley.core.message.InboundEvent;
import io.parley.core.tenancy.Ids;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class FlowTurnTest extends TurnTest {

    private final FakeLlm llm = new FakeLlm();

    @AfterAll
    void stopTheFake() {
        llm.close();
    }

    private static Flow keyword(String word, Step... steps) {
        return new Flow(Ids.next(), "flow " + word, true, 0,
                new Trigger.Keyword(List.of(word), Trigger.Match.CONTAINS), List.of(steps));
    }

    @Test
    void aMatchingFlowAnswersInsteadOfTheLlm() {
        World world = world(BotSpec.llm(llm), "line");
        flow(world, keyword("price", new Step.Text("Hi {{contact.displayName}}, plans start at $5."),
                new Step.Buttons("Pick one", List.of(new Step.Button("Basic", "plan:basic")), Step.Style.BUTTONS)));
        int before = llm.calls().size();

        UUID inbound = say(world, "U1", "What is the PRICE?");

        assertThat(llm.calls()).hasSize(before);
        List<MessageRow> replies = repliesTo(world, inbound);
        assertThat(replies).extracting(MessageRow::type, MessageRow::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("text", "Hi Mei Lin, plans start at $5."),
                org.assertj.core.groups.Tuple.tuple("buttons", "Pick one"));
        assertThat(read(replies.get(1).payload())).containsEntry("style", "buttons")
                .containsEntry("buttons", List.of(Map.of("label", "Basic", "postback", "plan:basic")));
        assertThat(sendJobs(world)).singleElement().satisfies(job -> assertThat(job.args().get("messageIds"))
                .isEqualTo(replies.stream().map(m -> m.id().toString()).toList()));
    }

    @Test
    void eachFlowThatFiresIsRecordedForAnalyticsEvenWhenItSendsNothing() {
        World world = world(BotSpec.llm(llm), "line");
        Flow silent = keyword("taurus", new Step.SetAttribute("zodiac", "taurus"));
        flow(world, silent);

        say(world, "U1", "I am a taurus");
        say(world, "U1", "taurus again");
        say(world, "U1", "something else");

        try (var connection = io.parley.core.testing.TestDatabase.shared().openSuperuserConnection();
             var rows = connection.createStatement().executeQuery("SELECT flow_id FROM flow_fires WHERE tenant_id = '"
                     + world.tenant().value() + "'")) {
            List<UUID> fired = new java.util.ArrayList<>();
            while (rows.next()) {
                fired.add(rows.getObject(1, UUID.class));
            }
            assertThat(fired).containsExactly(silent.id(), silent.id());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPostbackIsRoutedToItsFlow() {
        World world = world(BotSpec.llm(llm), "line");
        flow(world, new Flow(Ids.next(), "basic", true, 0, new Trigger.Postback("plan:basic"),
                List.of(new Step.Text("Basic it is."))));

        UUID inbound = turn(world, event(world, InboundEvent.Type.POSTBACK, "U1", null, "plan:basic", "rt-1"));

        assertThat(replyTexts(world, inbound)).containsExactly("Basic it is.");
    }

    @Test
    void askLlmSendsTheFlowsTextThenTheLlmAnswerWithTheInstruction() {
        World world = world(BotSpec.llm(llm), "line");
        flow(world, keyword("horoscope", new Step.Text("Reading the stars…"),
                new Step.AskLlm("Answer as an astrologer for a {{contact.tier}} member.")));
        int before = llm.calls().size();

        UUID inbound = say(world, "U1", "my horoscope please");

        assertThat(replyTexts(world, inbound)).containsExactly("Reading the stars…",
                "Hello! How can I help you today?");
        // analytics tells flow messages from LLM ones (docs/analytics.md)
        assertThat(repliesTo(world, inbound)).extracting(reply -> read(reply.payload()).get("origin"))
                .containsExactly("flow", "llm");
        assertThat((String) promptOf(llm.calls().get(before)).getFirst().get("content"))
                .endsWith("\n\nAnswer as an astrologer for a free member.");
    }

    @Test
    void setAttributeStoresTheValueOnTheContact() {
        World world = world(BotSpec.llm(llm), "web");
        flow(world, keyword("leo", new Step.SetAttribute("zodiac", "leo"),
                new Step.Text("Noted, {{contact.attributes.zodiac}}!")));

        UUID inbound = say(world, "U1", "I am a leo");

        assertThat(replyTexts(world, inbound)).containsExactly("Noted, leo!");
        assertThat(read(contactOf(world, inbound).attributes())).containsEntry("zodiac", "leo");
    }

    @Test
    void aHandoffPausesTheBotAndLaterMessagesWaitForAPerson() {
        World world = world(BotSpec.llm(llm), "line");
        flow(world, keyword("human", new Step.Handoff("A person will reply shortly.")));
        try (EventTap events = EventTap.open()) {
            UUID inbound = say(world, "U1", "I want a human");
            assertThat(replyTexts(world, inbound)).containsExactly("A person will reply shortly.");
            assertThat(conversation(world, inbound).botPaused()).isTrue();
            assertThat(new io.parley.worker.testing.Rows().query(
                    "SELECT kind FROM conversation_handoffs WHERE conversation_id = ?",
                    conversation(world, inbound).id())).containsExactly(Map.of("kind", "flow"));
            assertThat(events.types(world.tenant())).contains("message.received", "conversation.handoff",
                    "message.queued");
        }
        int before = llm.calls().size();

        UUID later = say(world, "U1", "hello?");

        assertThat(repliesTo(world, later)).isEmpty();
        assertThat(llm.calls()).hasSize(before);
        assertThat(sendJobs(world)).hasSize(1);
    }

    @Test
    void aHumanTakeoverSilencesTheBotButTheMessageIsStoredAndAnnounced() {
        World world = world(BotSpec.llm(llm), "line");
        UUID first = say(world, "U1", "hi");
        scope.writeVoid(world.tenant(), () -> conversations.setBotPaused(world.tenant().value(),
                conversation(world, first).id(), true, null));
        int before = llm.calls().size();

        try (EventTap events = EventTap.open()) {
            UUID inbound = say(world, "U1", "are you there?");

            assertThat(messagesOf(world, conversation(world, inbound).id())).extracting(MessageRow::text)
                    .endsWith("are you there?");
            assertThat(repliesTo(world, inbound)).isEmpty();
            assertThat(events.types(world.tenant())).containsExactly("message.received");
        }
        assertThat(llm.calls()).hasSize(before);
        assertThat(sendJobs(world)).hasSize(1);
    }

    @Test
    void aPausedBotStoresMessagesWithoutAnswering() {
        BotSpec spec = BotSpec.llm(llm);
        spec.status = "paused";
        World world = world(spec, "line");

        UUID inbound = say(world, "U1", "hi");

        assertThat(messagesOf(world, conversation(world, inbound).id())).hasSize(1);
        assertThat(sendJobs(world)).isEmpty();
    }

    @Test
    void aFollowIsWelcomedWithTheContactsSetupLink() {
        BotSpec spec = BotSpec.llm(llm);
        spec.welcome = "Welcome {{contact.displayName}}! Set me up: {{setupUrl}}";
        World world = world(spec, "line");

        UUID follow = turn(world, event(world, InboundEvent.Type.FOLLOW, "U1", null, null, "rt-f"));

        List<String> texts = sendJobs(world).stream().flatMap(job -> ((List<?>) job.args().get("messageIds"))
                .stream()).map(id -> scope.read(world.tenant(), () -> messages.find(world.tenant().value(),
                UUID.fromString(id.toString())).orElseThrow().text())).toList();
        assertThat(texts).singleElement().asString()
                .matches("Welcome Mei Lin! Set me up: http://localhost:8080/setup/pst_[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(follow).isNotNull();
    }

    @Test
    void aFollowFlowWinsOverTheWelcomeMessage() {
        BotSpec spec = BotSpec.llm(llm);
        spec.welcome = "plain welcome";
        World world = world(spec, "line");
        flow(world, new Flow(Ids.next(), "follow", true, 0, new Trigger.Follow(),
                List.of(new Step.Text("Hello from the follow flow"))));

        turn(world, event(world, InboundEvent.Type.FOLLOW, "U1", null, null, "rt-f"));

        assertThat(sendJobs(world)).hasSize(1);
        UUID id = UUID.fromString(((List<?>) sendJobs(world).getFirst().args().get("messageIds")).getFirst().toString());
        assertThat(scope.read(world.tenant(), () -> messages.find(world.tenant().value(), id).orElseThrow().text()))
                .isEqualTo("Hello from the follow flow");
    }

    @Test
    void imagesGetAPoliteDefaultAndStickersGoToTheLlm() {
        World world = world(BotSpec.llm(llm), "line");
        int before = llm.calls().size();

        UUID image = turn(world, event(world, InboundEvent.Type.IMAGE, "U1", null, null, "rt-i"));
        UUID sticker = turn(world, event(world, InboundEvent.Type.STICKER, "U1", null, null, "rt-s"));

        assertThat(replyTexts(world, image)).containsExactly(FlowPlanner.MEDIA_REPLY);
        assertThat(replyTexts(world, sticker)).containsExactly("Hello! How can I help you today?");
        assertThat(llm.calls()).hasSize(before + 1);
        assertThat(promptOf(llm.calls().getLast()).getLast()).containsEntry("content", "[sticker]");
    }
}
