package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.contact.ContactRow;
import io.parley.core.contact.optout.OptOutRepository;
import io.parley.core.conversation.MessageRow;
import io.parley.core.flow.Flow;
import io.parley.core.flow.Step;
import io.parley.core.flow.Trigger;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobHandler;
import io.parley.core.tenancy.Ids;
import io.parley.core.trigger.ProactiveTriggers;
import io.parley.core.trigger.TriggerRunRow;
import io.parley.core.trigger.TriggerScan;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proactive triggers through the real pipeline on PostgreSQL: the firing records a run and its trigger.run job in
 * one transaction, the job's handler (the worker's own bean) writes the message and its outbound.send job.
 */
@MicronautTest(transactional = false)
class ProactiveTurnTest extends TurnTest {

    private static final AtomicLong JOBS = new AtomicLong(1_000_000);
    private final FakeLlm llm = new FakeLlm();

    @Inject
    ProactiveTriggers triggers;
    @Inject
    TriggerScan scan;
    @Inject
    OptOutRepository optOuts;
    @Inject
    List<JobHandler> handlers;

    @AfterAll
    void stopTheFake() {
        llm.close();
    }

    @Test
    void submittingTheSetupPageSendsTheFirstMessageOnceEvenWhenTheJobRunsTwiceOnTwoWorkers() {
        World world = world(BotSpec.demo(), "line");
        flow(world, proactive(new Trigger.SetupSubmitted(), new Step.Text("Hi {{contact.displayName}}, I'm here!")));
        ContactRow contact = contact(world, "U1", "Mei");

        scope.write(world.tenant(), () -> triggers.setupSubmitted(world.tenant(), contact.id()));
        scope.write(world.tenant(), () -> triggers.setupSubmitted(world.tenant(), contact.id())); // submitted again

        List<Job> jobs = runJobs(world);
        assertThat(jobs).hasSize(1);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> runJob(jobs.getFirst()));
        runJob(jobs.getFirst());
        second.join();
        runJob(jobs.getFirst());

        List<MessageRow> sent = botMessages(world);
        assertThat(sent).extracting(MessageRow::text).containsExactly("Hi Mei, I'm here!");
        assertThat(sendJobs(world)).singleElement().satisfies(job -> {
            assertThat(job.args()).containsEntry("messageIds", List.of(sent.getFirst().id().toString()));
            assertThat(job.args().get("replyToken")).isNull(); // a push: there is no message to reply to
        });
        assertThat(runs(world)).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(TriggerRunRow.SENT);
            assertThat(run.messageId()).isEqualTo(sent.getFirst().id());
            assertThat(run.occurrence()).isEqualTo("once");
        });
    }

    @Test
    void askLlmWritesTheFirstMessageFromTheInstructionAndThePersona() {
        World world = world(BotSpec.llm(llm), "telegram");
        flow(world, proactive(new Trigger.SetupSubmitted(), new Step.AskLlm("Greet them in your new character.")));
        ContactRow contact = contact(world, "1001", "Mei");
        llm.then(FakeLlm.ok("I'm so glad you're here, Mei!"));

        scope.write(world.tenant(), () -> triggers.setupSubmitted(world.tenant(), contact.id()));
        runAll(world);

        assertThat(botMessages(world)).extracting(MessageRow::text).containsExactly("I'm so glad you're here, Mei!");
        List<Map<String, Object>> prompt = promptOf(llm.calls().getLast());
        assertThat((String) prompt.getFirst().get("content")).contains("The user is \"Mei\".")
                .contains("Greet them in your new character.");
        assertThat((String) prompt.getLast().get("content")).contains("setup page");
        assertThat(usageOf(world)).hasSize(1);
    }

    @Test
    void anImportedOrCreatedContactIsWelcomedOnce() {
        World world = world(BotSpec.demo(), "whatsapp");
        flow(world, proactive(new Trigger.ContactCreated(), new Step.Text("Welcome to our shop!")));
        ContactRow contact = contact(world, "886911111111", null);

        scope.write(world.tenant(), () -> triggers.contactsCreated(world.tenant(), List.of(contact.id())));
        scope.write(world.tenant(), () -> triggers.contactsCreated(world.tenant(), List.of(contact.id())));
        runAll(world);
        runAll(world);

        assertThat(botMessages(world)).extracting(MessageRow::text).containsExactly("Welcome to our shop!");
    }

    @Test
    void anInactiveContactIsNudgedOncePerSilenceAndTheNextMessageRearmsIt() {
        World world = world(BotSpec.demo(), "line");
        Flow flow = proactive(new Trigger.Inactive(3, Trigger.Unit.DAYS), new Step.Text("We miss you!"));
        flow(world, flow);
        backdateFlow(world, flow.id(), Duration.ofDays(30));
        UUID inbound = say(world, "U1", "hello");
        UUID conversation = conversation(world, inbound).id();
        silence(world, conversation, Duration.ofDays(4));

        scan.scan(world.tenant(), Instant.now());
        scan.scan(world.tenant(), Instant.now());
        runAll(world);
        assertThat(nudges(world)).isEqualTo(1);

        say(world, "U1", "I'm back"); // a new spell starts now: not silent long enough yet
        scan.scan(world.tenant(), Instant.now());
        assertThat(runs(world)).hasSize(1);

        silence(world, conversation, Duration.ofDays(5));
        scan.scan(world.tenant(), Instant.now());
        runAll(world);
        assertThat(nudges(world)).isEqualTo(2);
    }

    @Test
    void aScheduleFiresOncePerOccurrenceAcrossTheFallBackChangeInTheTenantsZone() {
        World world = world(BotSpec.demo(), "telegram");
        scope.writeVoid(world.tenant(), () -> sql("UPDATE tenants SET time_zone = 'America/New_York' WHERE id = ?",
                world.tenant().value()));
        Flow flow = proactive(new Trigger.Schedule("30 1 * * *", null, null), new Step.Text("Good night!"));
        flow(world, flow);
        backdateFlow(world, flow.id(), Duration.ofDays(400));
        ContactRow contact = contact(world, "2002", "Ann");
        scope.writeVoid(world.tenant(), () -> sql("UPDATE contacts SET created_at = now() - interval '400 days' "
                + "WHERE tenant_id = ? AND id = ?", world.tenant().value(), contact.id()));

        // 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST) on 1 November 2026; then 06:30Z on 2 November.
        for (Instant now = Instant.parse("2026-11-01T05:00:00Z"); now.isBefore(Instant.parse("2026-11-02T07:00:00Z"));
             now = now.plus(Duration.ofMinutes(15))) {
            scan.scan(world.tenant(), now);
        }
        runAll(world);

        assertThat(runs(world)).extracting(TriggerRunRow::occurrence)
                .containsExactlyInAnyOrder("schedule:2026-11-01T01:30", "schedule:2026-11-02T01:30");
        assertThat(botMessages(world)).extracting(MessageRow::text).containsExactly("Good night!", "Good night!");
    }

    @Test
    void anOptedOutContactIsSkippedWithTheReasonRecorded() {
        World world = world(BotSpec.demo(), "line");
        flow(world, proactive(new Trigger.ContactCreated(), new Step.Text("Welcome!")));
        ContactRow contact = contact(world, "U9", null);
        scope.write(world.tenant(), () -> optOuts.add(world.tenant().value(), world.channel(), "U9", "api", null));

        scope.write(world.tenant(), () -> triggers.contactsCreated(world.tenant(), List.of(contact.id())));
        runAll(world);

        assertThat(botMessages(world)).isEmpty();
        assertThat(runs(world)).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(TriggerRunRow.SKIPPED);
            assertThat(run.reason()).isEqualTo("opted_out");
        });
    }

    @Test
    void aConversationAPersonTookOverGetsNoProactiveMessage() {
        World world = world(BotSpec.demo(), "line");
        Flow flow = proactive(new Trigger.Inactive(1, Trigger.Unit.HOURS), new Step.Text("Still there?"));
        flow(world, flow);
        backdateFlow(world, flow.id(), Duration.ofDays(1));
        UUID conversation = conversation(world, say(world, "U1", "hi")).id();
        silence(world, conversation, Duration.ofHours(2));
        scope.write(world.tenant(), () -> conversations.setBotPaused(world.tenant().value(), conversation, true,
                null));

        scan.scan(world.tenant(), Instant.now());
        runAll(world);

        assertThat(nudges(world)).isZero();
        assertThat(runs(world)).singleElement().satisfies(run -> assertThat(run.reason()).isEqualTo("taken_over"));
    }

    @Test
    void aProactiveAnswerIsModeratedLikeAReplyAndAFlaggedOneIsReplacedAndHandedOff() {
        BotSpec spec = BotSpec.llm(llm);
        spec.moderation = "{\"output\": true, \"keywords\": [{\"pattern\": \"hurt yourself\", "
                + "\"category\": \"self-harm\"}], \"actions\": {\"self-harm\": \"crisis\"}, "
                + "\"crisisMessage\": \"Call 1925 any time.\"}";
        World world = world(spec, "telegram");
        flow(world, proactive(new Trigger.SetupSubmitted(), new Step.AskLlm("Greet them.")));
        ContactRow contact = contact(world, "1002", "Kai");
        llm.then(FakeLlm.ok("You could hurt yourself less by sleeping more."));

        scope.write(world.tenant(), () -> triggers.setupSubmitted(world.tenant(), contact.id()));
        runAll(world);

        MessageRow sent = botMessages(world).getFirst();
        assertThat(botMessages(world)).extracting(MessageRow::text).containsExactly("Call 1925 any time.");
        assertThat(read(sent.payload())).containsKey("moderation");
        assertThat(scope.read(world.tenant(), () -> conversations.find(world.tenant().value(),
                sent.conversationId())).orElseThrow().botPaused()).as("a person takes over").isTrue();
    }

    // --- helpers ---

    private static Flow proactive(Trigger trigger, Step step) {
        return new Flow(Ids.next(), trigger.type(), true, 0, trigger, List.of(step));
    }

    private ContactRow contact(World world, String user, String name) {
        return scope.write(world.tenant(), () -> contacts.upsertByIdentity(world.tenant().value(), world.channel(),
                user, name, null).contact());
    }

    private void backdateFlow(World world, UUID flowId, Duration by) {
        scope.writeVoid(world.tenant(), () -> sql("UPDATE flows SET created_at = ? WHERE tenant_id = ? AND id = ?",
                Timestamp.from(Instant.now().minus(by)), world.tenant().value(), flowId));
    }

    private void silence(World world, UUID conversation, Duration by) {
        scope.writeVoid(world.tenant(), () -> sql("UPDATE conversations SET last_inbound_at = ? "
                + "WHERE tenant_id = ? AND id = ?", Timestamp.from(Instant.now().minus(by)), world.tenant().value(),
                conversation));
    }

    private long nudges(World world) {
        return runs(world).stream().filter(run -> TriggerRunRow.SENT.equals(run.status())).count();
    }

    private JobHandler handler(String kind) {
        return handlers.stream().filter(h -> h.kind().equals(kind)).findFirst().orElseThrow();
    }

    /** Runs every trigger.run job of the tenant once, as the queue would. */
    private void runAll(World world) {
        runJobs(world).forEach(this::runJob);
    }

    private void runJob(Job job) {
        try {
            handler("trigger.run").run(job);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Job> runJobs(World world) {
        return scope.read(world.tenant(), () -> {
            List<Job> jobs = new ArrayList<>();
            try (PreparedStatement select = dataSource.getConnection().prepareStatement(
                    "SELECT CAST(args AS text) FROM jobs WHERE tenant_id = ? AND kind = 'trigger.run' ORDER BY id")) {
                select.setObject(1, world.tenant().value());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        jobs.add(new Job(JOBS.getAndIncrement(), world.tenant(), "trigger.run", rows.getString(1), 1,
                                10));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return jobs;
        });
    }

    private List<TriggerRunRow> runs(World world) {
        return scope.read(world.tenant(), () -> {
            List<TriggerRunRow> rows = new ArrayList<>();
            try (PreparedStatement select = dataSource.getConnection().prepareStatement(
                    "SELECT id, occurrence, status, reason, message_id FROM trigger_runs WHERE tenant_id = ? "
                            + "ORDER BY id")) {
                select.setObject(1, world.tenant().value());
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        rows.add(new TriggerRunRow(world.tenant().value(), r.getObject(1, UUID.class), null, null,
                                null, null, r.getString(2), null, null, r.getString(3), r.getString(4),
                                r.getObject(5, UUID.class), Instant.now(), null));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return rows;
        });
    }

    /** Every message the bot queued in the tenant, oldest first. */
    private List<MessageRow> botMessages(World world) {
        return scope.read(world.tenant(), () -> {
            List<UUID> conversationIds = new ArrayList<>();
            try (PreparedStatement select = dataSource.getConnection().prepareStatement(
                    "SELECT id FROM conversations WHERE tenant_id = ? ORDER BY id")) {
                select.setObject(1, world.tenant().value());
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        conversationIds.add(r.getObject(1, UUID.class));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return conversationIds;
        }).stream().flatMap(id -> messagesOf(world, id).stream())
                .filter(m -> "outbound".equals(m.direction()) && "bot".equals(m.sender())).toList();
    }
}
