package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.accesscode.AccessCodeRepository;
import io.parley.core.accesscode.AccessCodeText;
import io.parley.core.accesscode.AccessCodes;
import io.parley.core.flow.Flow;
import io.parley.core.flow.Step;
import io.parley.core.flow.Trigger;
import io.parley.core.flow.capture.InputKind;
import io.parley.core.flow.condition.Condition;
import io.parley.core.tenancy.Ids;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access-code pilot through the inbound turn on real PostgreSQL with the fake LLM: a gate that asks for a code
 * until the contact redeemed one of the bot's codes; wrong, expired and revoked codes re-asked; the per-contact limit
 * on wrong codes; a single-use code redeemed exactly once by two contacts at the same moment.
 */
@MicronautTest(transactional = false)
class AccessCodeTurnTest extends TurnTest {

    static final String LLM_ANSWER = "Hello! How can I help you today?";
    static final String ASK = "Please send your access code.";
    static final String AGAIN = "That code does not work. Check it and send it again.";

    private final FakeLlm llm = new FakeLlm();
    @Inject
    AccessCodeRepository codes;
    @Inject
    AccessCodes redeemer;

    @AfterAll
    void stopTheFake() {
        llm.close();
    }

    /** The pilot's gate: ask for a code until contact.accessCode exists, then welcome. */
    static Flow pilotGate(String failText) {
        return new Flow(Ids.next(), "students only", true, 0,
                new Trigger.Gate(Condition.test("contact.accessCode", "exists", null)),
                List.of(new Step.Ask(ASK, InputKind.ACCESS_CODE, null, null, "contact.attributes.cohort", AGAIN, 10,
                        failText), new Step.Text("Welcome, {{contact.attributes.cohort}} student!")));
    }

    /** A batch of one code with these rules; returns the code's text as a student would type it. */
    String code(World world, int maxUses, Instant expiresAt, String grantTier, String grantAttributes) {
        UUID batch = Ids.next();
        String text = AccessCodeText.generate();
        scope.writeVoid(world.tenant(), () -> {
            codes.insertBatch(world.tenant().value(), batch, world.bot(), "Class 3B", 1, maxUses, expiresAt,
                    grantTier, grantAttributes, null);
            codes.insertCode(world.tenant().value(), Ids.next(), world.bot(), batch,
                    AccessCodeText.hash(world.bot(), AccessCodeText.normalize(text).orElseThrow()), maxUses, expiresAt);
        });
        return text;
    }

    @Test
    void aWrongCodeIsAskedAgainAndTheRightOneLetsTheStudentChatWithTheLlm() {
        World world = world(BotSpec.llm(llm), "line");
        flow(world, pilotGate(null));
        String code = code(world, 1, null, "student", "{\"school\": \"North High\"}");
        int before = llm.calls().size();

        assertThat(replyTexts(world, say(world, "U1", "hi"))).containsExactly(ASK);
        assertThat(replyTexts(world, say(world, "U1", "ABCD-EFGH-JKMN"))).containsExactly(AGAIN);
        assertThat(replyTexts(world, say(world, "U1", "no idea"))).containsExactly(AGAIN);
        UUID redeemed = say(world, "U1", " " + code.toLowerCase().replace("-", " ") + " ");

        assertThat(replyTexts(world, redeemed)).containsExactly("Welcome, Class 3B student!");
        var contact = contactOf(world, redeemed);
        assertThat(contact.tier()).as("the batch's tier grant").isEqualTo("student");
        assertThat(read(contact.attributes())).containsEntry("school", "North High").containsEntry("cohort", "Class 3B")
                .doesNotContainValue(code);
        assertThat(llm.calls()).as("nothing reached the LLM before the code").hasSize(before);

        assertThat(replyTexts(world, say(world, "U1", "what is photosynthesis?"))).containsExactly(LLM_ANSWER);
        assertThat(llm.calls()).hasSize(before + 1);
        assertThat(llm.calls().getLast().body()).as("the LLM's history never holds a code")
                .doesNotContain(code).doesNotContain("ABCD-EFGH-JKMN").contains("[access code]");
        assertThat(messagesOf(world, conversation(world, redeemed).id())).extracting(m -> m.text())
                .as("nor does the inbox").doesNotContain(" " + code.toLowerCase().replace("-", " ") + " ")
                .contains("[access code]", "no idea");
    }

    @Test
    void aSingleUseCodeDoesNotLetASecondStudentIn() {
        World world = world(BotSpec.llm(llm), "web");
        flow(world, pilotGate(null));
        String code = code(world, 1, null, null, "{}");

        say(world, "first", "hi");
        assertThat(replyTexts(world, say(world, "first", code))).containsExactly("Welcome, Class 3B student!");
        say(world, "second", "hi");
        assertThat(replyTexts(world, say(world, "second", code))).containsExactly(AGAIN);
        assertThat(replyTexts(world, say(world, "first", "hello"))).as("the first student sends it again: still in")
                .containsExactly(LLM_ANSWER);
    }

    @Test
    void expiredAndRevokedCodesAreRefused() {
        World world = world(BotSpec.llm(llm), "telegram");
        flow(world, pilotGate(null));
        String expired = code(world, 10, Instant.now().minusSeconds(60), null, "{}");
        String revoked = code(world, 10, null, null, "{}");
        scope.writeVoid(world.tenant(), () -> sql("UPDATE access_codes SET revoked_at = now() WHERE tenant_id = ?",
                world.tenant().value()));
        String good = code(world, 10, Instant.now().plusSeconds(3600), null, "{}");

        say(world, "U1", "hi");
        assertThat(replyTexts(world, say(world, "U1", expired))).containsExactly(AGAIN);
        assertThat(replyTexts(world, say(world, "U1", revoked))).containsExactly(AGAIN);
        assertThat(replyTexts(world, say(world, "U1", good))).containsExactly("Welcome, Class 3B student!");
    }

    @Test
    void revokingTheRedeemedCodeClosesTheGateAgain() {
        World world = world(BotSpec.llm(llm), "line");
        flow(world, pilotGate(null));
        String code = code(world, 5, null, null, "{}");
        say(world, "U1", "hi");
        say(world, "U1", code);
        assertThat(replyTexts(world, say(world, "U1", "hello"))).containsExactly(LLM_ANSWER);

        scope.writeVoid(world.tenant(), () -> sql("UPDATE access_codes SET revoked_at = now() WHERE tenant_id = ?",
                world.tenant().value()));

        assertThat(replyTexts(world, say(world, "U1", "hello"))).containsExactly(ASK);
    }

    @Test
    void afterFiveWrongCodesInAnHourNoCodeIsCheckedAndTheFailTextAnswers() {
        World world = world(BotSpec.llm(llm), "line");
        flow(world, pilotGate("Too many tries, {{contact.displayName}}. Ask your teacher."));
        String code = code(world, 1, null, null, "{}");

        say(world, "U1", "hi");
        for (int i = 0; i < 5; i++) {
            assertThat(replyTexts(world, say(world, "U1", "WRONG-CODE-" + i))).containsExactly(AGAIN);
        }
        assertThat(replyTexts(world, say(world, "U1", code))).as("even the right code waits for the window")
                .containsExactly("Too many tries, Mei Lin. Ask your teacher.");
        assertThat(replyTexts(world, say(world, "U1", "hi"))).as("the gate asks again").containsExactly(ASK);
        assertThat(replyTexts(world, say(world, "U1", code))).containsExactly("Too many tries, Mei Lin. Ask your teacher.");

        scope.writeVoid(world.tenant(), () -> sql("UPDATE access_code_attempts SET attempted_at = now() - interval "
                + "'61 minutes' WHERE tenant_id = ?", world.tenant().value()));
        say(world, "U1", "hi");
        assertThat(replyTexts(world, say(world, "U1", code))).as("an hour later")
                .containsExactly("Welcome, Class 3B student!");
    }

    @Test
    void aSingleUseCodeSentByTwoContactsAtOnceIsRedeemedExactlyOnce() throws Exception {
        World world = world(BotSpec.llm(llm), "web");
        UUID first = contact(world, "A");
        UUID second = contact(world, "B");
        for (int round = 0; round < 5; round++) {
            String code = code(world, 1, null, null, "{}");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<AccessCodes.Outcome>> outcomes = new ArrayList<>();
                for (UUID contact : List.of(first, second)) {
                    Callable<AccessCodes.Outcome> redeem = () -> {
                        start.await();
                        return redeemer.redeem(world.tenant(), world.bot(), contact, code).outcome();
                    };
                    outcomes.add(pool.submit(redeem));
                }
                start.countDown();
                List<AccessCodes.Outcome> results = new ArrayList<>();
                for (Future<AccessCodes.Outcome> outcome : outcomes) {
                    results.add(outcome.get());
                }
                assertThat(results).containsExactlyInAnyOrder(AccessCodes.Outcome.REDEEMED,
                        AccessCodes.Outcome.REFUSED);
            } finally {
                pool.shutdownNow();
            }
        }
        long uses = scope.read(world.tenant(), () -> codes.batches(world.tenant().value(), world.bot(),
                new UUID(-1, -1), 100).stream().mapToLong(b -> b.uses()).sum());
        assertThat(uses).isEqualTo(5);
    }

    private UUID contact(World world, String user) {
        return contactOf(world, say(world, user, "hi")).id();
    }
}
