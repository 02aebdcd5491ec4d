package io.parley.core.flow;

import io.micronaut.serde.ObjectMapper;
import io.parley.core.flow.condition.Condition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FlowCodecTest {

    private final FlowCodec codec = new FlowCodec(ObjectMapper.getDefault());

    @Test
    void stepsAreStoredTaggedByTypeAndReadBack() {
        List<Step> steps = List.of(new Step.Text("Hi"),
                new Step.Buttons("Pick", List.of(new Step.Button("Menu", "menu")), Step.Style.QUICK_REPLIES),
                new Step.Image("https://cdn.example/a.png", null), new Step.SetAttribute("plan", "gold"),
                new Step.Handoff(null), new Step.AskLlm("Be brief"));

        String json = codec.writeSteps(steps);

        assertThat(json).isEqualTo("[{\"type\":\"text\",\"text\":\"Hi\"},"
                + "{\"type\":\"buttons\",\"text\":\"Pick\",\"buttons\":[{\"label\":\"Menu\",\"postback\":\"menu\"}],"
                + "\"style\":\"quick_replies\"},"
                + "{\"type\":\"image\",\"url\":\"https://cdn.example/a.png\"},"
                + "{\"type\":\"set_attribute\",\"key\":\"plan\",\"value\":\"gold\"},"
                + "{\"type\":\"handoff\"},{\"type\":\"ask_llm\",\"instruction\":\"Be brief\"}]");
        assertThat(codec.readSteps(json)).isEqualTo(steps);
        assertThat(steps).extracting(Step::type)
                .containsExactly("text", "buttons", "image", "set_attribute", "handoff", "ask_llm");
    }

    @Test
    void triggersAreStoredWithoutTheirTypeWhichHasItsOwnColumn() {
        Trigger keyword = new Trigger.Keyword(List.of("hi", "你好"), Trigger.Match.CONTAINS);

        assertThat(codec.writeTrigger(keyword)).isEqualTo("{\"keywords\":[\"hi\",\"你好\"],\"match\":\"contains\"}");
        assertThat(codec.writeTrigger(new Trigger.Follow())).isEqualTo("{}");
        FlowRow row = new FlowRow(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "n", true, 3, "keyword",
                codec.writeTrigger(keyword), "[]", null, Instant.now(), Instant.now());
        assertThat(codec.read(row)).isEqualTo(new Flow(row.id(), "n", true, 3, keyword, List.of()));
        assertThat(codec.readTrigger("regex", "{\"pattern\":\"a+\"}")).isEqualTo(new Trigger.Regex("a+"));
        assertThat(codec.readTrigger("fallback", "{}")).isEqualTo(new Trigger.Fallback());
    }

    @Test
    void gatesBranchesAndConditionsAreStoredAndReadBack() {
        Condition adult = Condition.test("contact.attributes.age", "gte", 18);
        Trigger gate = new Trigger.Gate(Condition.test("contact.personaOverride", "exists", null));
        List<Step> steps = List.of(new Step.Branch(adult, List.of(new Step.Text("Welcome")),
                List.of(new Step.Text("Sorry"))));

        assertThat(codec.writeTrigger(gate)).isEqualTo(
                "{\"until\":{\"field\":\"contact.personaOverride\",\"op\":\"exists\"}}");
        assertThat(codec.readTrigger("gate", codec.writeTrigger(gate))).isEqualTo(gate);
        assertThat(codec.readSteps(codec.writeSteps(steps))).isEqualTo(steps);
        FlowRow row = new FlowRow(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "n", true, 0, "gate",
                codec.writeTrigger(gate), codec.writeSteps(steps), codec.writeCondition(adult), Instant.now(),
                Instant.now());
        assertThat(codec.read(row)).isEqualTo(new Flow(row.id(), "n", true, 0, gate, steps, adult));
    }
}
