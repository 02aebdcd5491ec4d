package io.parley.core.memory;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which memory fields may be stored, every problem named by its path. */
class MemoryRulesTest {

    private static MemoryField field(String name, String type) {
        return new MemoryField(name, type, null, null, null, null, null, null, null, null, null);
    }

    private static List<String> paths(List<MemoryField> fields) {
        return MemoryRules.check(fields).stream().map(MemoryRules.Error::field).toList();
    }

    @Test
    void aWellFormedCompanionIsAccepted() {
        assertThat(MemoryRules.check(List.of(
                new MemoryField("favorability", "number", "contact", "How much", 50, true, BigDecimal.ZERO,
                        BigDecimal.valueOf(100), BigDecimal.valueOf(5), null, null),
                new MemoryField("mood", "enum", "conversation", null, "calm", false, null, null, null,
                        List.of("calm", "sad"), null),
                new MemoryField("nickname", "text", null, null, null, null, null, null, null, null, 40),
                field("metParents", "boolean")))).isEmpty();
    }

    @Test
    void numbersNeedMinBelowMaxAndAStepThatFitsBetweenThem() {
        assertThat(paths(List.of(field("score", "number")))).containsExactly("fields[0].min", "fields[0].max");
        assertThat(paths(List.of(new MemoryField("score", "number", null, null, 101, null, BigDecimal.ZERO,
                BigDecimal.TEN, BigDecimal.valueOf(11), null, null))))
                .containsExactly("fields[0].step", "fields[0].defaultValue");
        assertThat(paths(List.of(new MemoryField("score", "number", null, null, null, null, BigDecimal.TEN,
                BigDecimal.ONE, BigDecimal.ZERO, null, null)))).containsExactly("fields[0].max", "fields[0].step");
    }

    @Test
    void namesTypesScopesAndMembersATypeDoesNotUseAreChecked() {
        assertThat(paths(List.of(field("Mood!", "colour"), field("ok", "text"), field("ok", "boolean"))))
                .containsExactly("fields[0].name", "fields[0].type", "fields[2].name");
        assertThat(paths(List.of(new MemoryField("mood", "enum", "forever", null, null, null, BigDecimal.ONE, null,
                null, List.of("a", "a"), 3)))).containsExactly("fields[0].scope", "fields[0].min",
                "fields[0].maxLength", "fields[0].values[1]");
        assertThat(paths(Collections.nCopies(21, field("x", "boolean")))).contains("fields");
    }
}
