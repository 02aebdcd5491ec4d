package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.accesscode.AccessCodeRepository;
import io.parley.core.accesscode.AccessCodeText;
import io.parley.core.tenancy.Ids;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** parley.access-codes.* are read: each assertion fails with the defaults (5 wrong codes, 1 hour, default text). */
@MicronautTest(transactional = false)
class AccessCodeSettingsTurnTest extends TurnTest {

    private final FakeLlm llm = new FakeLlm();
    @Inject
    AccessCodeRepository codes;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(super.getProperties());
        properties.put("parley.access-codes.max-wrong-attempts", "2");
        properties.put("parley.access-codes.attempt-window", "2s");
        properties.put("parley.access-codes.locked-message", "Locked for now.");
        return properties;
    }

    @AfterAll
    void stopTheFake() {
        llm.close();
    }

    @Test
    void theLimitTheWindowAndTheLockedMessageComeFromTheSettings() throws InterruptedException {
        World world = world(BotSpec.llm(llm), "line");
        flow(world, AccessCodeTurnTest.pilotGate(null));
        UUID batch = Ids.next();
        String code = AccessCodeText.generate();
        scope.writeVoid(world.tenant(), () -> {
            codes.insertBatch(world.tenant().value(), batch, world.bot(), "Pilot", 1, 1, null, null, "{}", null);
            codes.insertCode(world.tenant().value(), Ids.next(), world.bot(), batch,
                    AccessCodeText.hash(world.bot(), AccessCodeText.normalize(code).orElseThrow()), 1, null);
        });

        say(world, "U1", "hi");
        assertThat(replyTexts(world, say(world, "U1", "nope"))).containsExactly(AccessCodeTurnTest.AGAIN);
        assertThat(replyTexts(world, say(world, "U1", "still nope"))).containsExactly(AccessCodeTurnTest.AGAIN);
        assertThat(replyTexts(world, say(world, "U1", code))).as("locked after two wrong codes")
                .containsExactly("Locked for now.");

        Thread.sleep(2_300);
        say(world, "U1", "hi");
        assertThat(replyTexts(world, say(world, "U1", code))).as("the window has moved on")
                .containsExactly("Welcome, Pilot student!");
    }
}
