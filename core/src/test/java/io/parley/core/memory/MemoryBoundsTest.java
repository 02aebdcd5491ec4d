package io.parley.core.memory;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a proposed value becomes: clamped, moved by at most the step, enum checked, text cut, wrong types refused. */
class MemoryBoundsTest {

    private static final MemoryField FAVORABILITY = number(BigDecimal.valueOf(5));
    private static final MemoryField MOOD = new MemoryField("mood", "enum", null, null, null, null, null, null, null,
            List.of("calm", "happy"), null);
    private static final MemoryField NICKNAME = new MemoryField("nickname", "text", null, null, null, null, null, null,
            null, null, 4);
    private static final MemoryField MET = new MemoryField("met", "boolean", null, null, null, null, null, null, null,
            null, null);

    private static MemoryField number(BigDecimal step) {
        return new MemoryField("favorability", "number", null, null, 50, null, BigDecimal.ZERO,
                BigDecimal.valueOf(100), step, null, null);
    }

    @Test
    void aNumberMovesByAtMostItsStepFromTheCurrentValueAndStaysWithinMinAndMax() {
        assertThat(MemoryBounds.moved(FAVORABILITY, 50L, 100)).contains(55L);
        assertThat(MemoryBounds.moved(FAVORABILITY, 50L, 0)).contains(45L);
        assertThat(MemoryBounds.moved(FAVORABILITY, 50L, 53)).contains(53L);
        assertThat(MemoryBounds.moved(FAVORABILITY, 98L, 250)).contains(100L);
        assertThat(MemoryBounds.moved(FAVORABILITY, 2L, -40)).contains(0L);
        assertThat(MemoryBounds.moved(FAVORABILITY, 50L, 52.5)).contains(new BigDecimal("52.5"));
    }

    @Test
    void withoutAStepOrACurrentValueANumberIsOnlyClamped() {
        assertThat(MemoryBounds.moved(number(null), 50L, 100)).contains(100L);
        assertThat(MemoryBounds.moved(FAVORABILITY, null, 250)).contains(100L);
    }

    @Test
    void valuesOfTheWrongTypeAreRefused() {
        assertThat(MemoryBounds.moved(FAVORABILITY, 50L, "high")).isEmpty();
        assertThat(MemoryBounds.moved(MOOD, null, "angry")).isEmpty();
        assertThat(MemoryBounds.moved(MOOD, null, 1)).isEmpty();
        assertThat(MemoryBounds.moved(NICKNAME, null, true)).isEmpty();
        assertThat(MemoryBounds.moved(MET, null, "true")).isEmpty();
        assertThat(MemoryBounds.moved(MET, null, null)).isEmpty();
    }

    @Test
    void enumsBooleansAndTextsAreTakenAsTheyAreTextsCutToTheirLength() {
        assertThat(MemoryBounds.moved(MOOD, "calm", "happy")).contains("happy");
        assertThat(MemoryBounds.moved(MET, false, true)).contains(true);
        assertThat(MemoryBounds.moved(NICKNAME, null, "  小美美美美 ")).contains("小美美美");
    }

    @Test
    void peopleMustGiveValidValuesAsTheyAre() {
        assertThat(MemoryBounds.exact(FAVORABILITY, 101)).isEmpty();
        assertThat(MemoryBounds.exact(FAVORABILITY, 70.0)).contains(70L);
        assertThat(MemoryBounds.exact(NICKNAME, "Meimei")).isEmpty();
        assertThat(MemoryBounds.exact(MOOD, "calm")).contains("calm");
    }
}
