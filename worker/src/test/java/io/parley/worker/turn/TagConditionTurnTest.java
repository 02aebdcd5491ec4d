package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.flow.Flow;
import io.parley.core.flow.Step;
import io.parley.core.flow.Trigger;
import io.parley.core.flow.condition.Condition;
import io.parley.core.tenancy.Ids;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A flow with a {@code contact.tags} condition through the inbound turn, on real PostgreSQL with the fake LLM. */
@MicronautTest(transactional = false)
class TagConditionTurnTest extends TurnTest {

    private final FakeLlm llm = new FakeLlm();

    @AfterAll
    void stopTheFake() {
        llm.close();
    }

    @Test
    void aFlowForVipsAnswersATaggedContactAndLeavesAnUntaggedOneToTheLlm() {
        World world = world(BotSpec.llm(llm), "line");
        flow(world, new Flow(Ids.next(), "vip menu", true, 0,
                new Trigger.Keyword(List.of("menu"), Trigger.Match.CONTAINS),
                List.of(new Step.Text("Your VIP menu")), Condition.test("contact.tags", "contains", "vip")));
        UUID vip = contactOf(world, say(world, "U1", "hello")).id();
        contactOf(world, say(world, "U2", "hello"));
        scope.writeVoid(world.tenant(), () -> contacts.setTags(world.tenant().value(), vip, "[\"new\", \"vip\"]"));
        int before = llm.calls().size();

        List<String> tagged = replyTexts(world, say(world, "U1", "menu please"));
        List<String> untagged = replyTexts(world, say(world, "U2", "menu please"));

        assertThat(tagged).containsExactly("Your VIP menu");
        assertThat(untagged).doesNotContain("Your VIP menu").isNotEmpty();
        assertThat(llm.calls()).as("only the untagged contact reaches the LLM").hasSize(before + 1);
    }
}
