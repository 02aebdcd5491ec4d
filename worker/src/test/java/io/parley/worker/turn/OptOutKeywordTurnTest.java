package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.contact.optout.OptOutRepository;
import io.parley.core.contact.optout.OptOutRow;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** An inbound text that is an opt-out keyword puts its sender on the suppression list. */
@MicronautTest(transactional = false)
class OptOutKeywordTurnTest extends TurnTest {

    @Inject
    OptOutRepository optOuts;

    @Test
    void aDefaultKeywordInAnyCaseOrWidthOptsTheSenderOut() {
        World world = world(BotSpec.demo(), "whatsapp");

        say(world, "886911111111", " stop! ");
        say(world, "886922222222", "ＵＮＳＵＢＳＣＲＩＢＥ");
        say(world, "886933333333", "退訂");

        assertThat(optOut(world, "886911111111")).hasValueSatisfying(row -> {
            assertThat(row.source()).isEqualTo("keyword");
            assertThat(row.detail()).isEqualTo("STOP");
        });
        assertThat(optOut(world, "886922222222")).isPresent();
        assertThat(optOut(world, "886933333333")).isPresent();
    }

    @Test
    void aTextThatOnlyContainsAKeywordDoesNot() {
        World world = world(BotSpec.demo(), "telegram");

        say(world, "1001", "please don't stop writing");

        assertThat(optOut(world, "1001")).isEmpty();
    }

    @Test
    void theTenantsOwnKeywordsReplaceTheDefaults() {
        World world = world(BotSpec.demo(), "line");
        scope.writeVoid(world.tenant(), () -> optOuts.setKeywords(world.tenant().value(), "[\"取消訂閱\"]"));

        say(world, "U1", "STOP");
        say(world, "U2", "取消訂閱");

        assertThat(optOut(world, "U1")).isEmpty();
        assertThat(optOut(world, "U2")).hasValueSatisfying(row -> assertThat(row.detail()).isEqualTo("取消訂閱"));
    }

    private Optional<OptOutRow> optOut(World world, String user) {
        return scope.read(world.tenant(), () -> optOuts.find(world.tenant().value(), world.channel(), user));
    }
}
