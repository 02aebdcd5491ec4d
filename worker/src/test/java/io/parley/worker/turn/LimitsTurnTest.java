package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.contact.ContactRow;
import io.parley.core.notification.Notification;
import io.parley.core.notification.Notifications;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.usage.UsagePeriod;
import io.parley.core.usage.UsageMeter;
import io.parley.core.usage.UsageRepository;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Limits, with the demo LLM so many turns run fast. */
@MicronautTest(transactional = false)
class LimitsTurnTest extends TurnTest {

    private static final String LIMIT = "That's 20 messages today. Upgrade for unlimited chat!";

    @Inject
    UsageRepository usage;
    @Inject
    UsageMeter meter;
    @Inject
    Notifications notifications;

    private World dailyTwenty(String tierLimits) {
        BotSpec spec = BotSpec.demo();
        spec.perDay = 20;
        spec.limitMessage = LIMIT;
        spec.tierLimits = tierLimits;
        return world(spec, "line");
    }

    @Test
    void theTwentyFirstMessageOfATwentyPerDayContactGetsTheLimitMessageOncePerWindow() {
        World world = dailyTwenty("{}");
        for (int i = 1; i <= 20; i++) {
            UUID inbound = say(world, "U1", "message " + i);
            assertThat(replyTexts(world, inbound)).as("message %d", i).singleElement().asString()
                    .startsWith("Demo reply from Mei");
        }

        UUID twentyFirst = say(world, "U1", "message 21");
        UUID twentySecond = say(world, "U1", "message 22");

        assertThat(replyTexts(world, twentyFirst)).containsExactly(LIMIT);
        assertThat(replyTexts(world, twentySecond)).isEmpty();
        assertThat(conversation(world, twentyFirst).limitNoticeUntil())
                .isCloseTo(Instant.now().plus(Duration.ofDays(1)), within(Duration.ofMinutes(1)));
        assertThat(sendJobs(world)).hasSize(21);
        meter.flush(); // the turns count in memory; a flush stores the counts
        assertThat(scope.read(world.tenant(), () -> usage.find(world.tenant().value(), UsagePeriod.of(Instant.now()))))
                .hasValueSatisfying(counter -> assertThat(counter.messages()).isEqualTo(20));
    }

    @Test
    void anotherContactOfTheSameBotIsNotLimited() {
        World world = dailyTwenty("{}");
        for (int i = 1; i <= 21; i++) {
            say(world, "U1", "message " + i);
        }

        UUID other = say(world, "U2", "hello");

        assertThat(replyTexts(world, other)).singleElement().asString().startsWith("Demo reply from Mei");
    }

    @Test
    void aPremiumContactIsUnlimited() {
        World world = dailyTwenty("{\"premium\": {}}");
        UUID first = say(world, "U1", "message 1");
        ContactRow contact = contactOf(world, first);
        scope.writeVoid(world.tenant(), () -> contacts.update(world.tenant().value(), contact.id(),
                contact.displayName(), contact.attributes(), "premium", false, null));
        UUID last = null;
        for (int i = 2; i <= 25; i++) {
            last = say(world, "U1", "message " + i);
        }

        UUID finalMessage = last;
        assertThat(replyTexts(world, finalMessage)).singleElement().asString().startsWith("Demo reply from Mei");
        assertThat(sendJobs(world)).hasSize(25);
    }

    @Test
    void theTenantsMonthlyMessageQuotaStopsAnswersWithTheQuotaMessageNotTheLimitMessage() {
        BotSpec spec = BotSpec.demo();
        spec.limitMessage = LIMIT;
        World world = world(spec, "web");
        scope.writeVoid(world.tenant(), () ->
                usage.add(world.tenant().value(), UsagePeriod.of(Instant.now()), 1000, 0)); // the free plan's 1000

        UUID inbound = say(world, "U1", "hello");
        UUID next = say(world, "U1", "hello again");
        UUID otherContact = say(world, "U2", "hi");

        assertThat(replyTexts(world, inbound)).containsExactly(QuotaReply.DEFAULT_EN);
        assertThat(replyTexts(world, next)).isEmpty();
        assertThat(replyTexts(world, otherContact)).containsExactly(QuotaReply.DEFAULT_EN);
        assertThat(conversation(world, inbound).limitNoticeUntil()).isEqualTo(UsagePeriod.end(Instant.now()));
        List<Notification> told = scope.read(world.tenant(), () -> notifications.page(world.tenant(), Ids.next(),
                Role.OWNER, new UUID(-1L, -1L), 10, false));
        assertThat(told).singleElement().satisfies(notification -> {
            assertThat(notification.kind()).isEqualTo("billing.quota.exhausted");
            assertThat(notification.minRole()).isEqualTo("admin");
            assertThat(notification.params()).containsEntry("quota", "messages");
            assertThat(notification.link()).isEqualTo("/billing");
        });
    }

    @Test
    void aBotsOwnQuotaMessageOrItsLanguagesDefaultIsSent() {
        BotSpec chinese = BotSpec.demo();
        chinese.conversion = "zh-Hant";
        World zhHant = world(chinese, "web");
        World custom = world(BotSpec.demo(), "web");
        scope.writeVoid(custom.tenant(), () -> bots.setQuotaMessage(custom.tenant().value(), custom.bot(),
                "We are fully booked this month."));
        for (World world : List.of(zhHant, custom)) {
            scope.writeVoid(world.tenant(), () ->
                    usage.add(world.tenant().value(), UsagePeriod.of(Instant.now()), 1000, 0));
        }

        assertThat(replyTexts(zhHant, say(zhHant, "U1", "你好"))).containsExactly(QuotaReply.DEFAULT_ZH_HANT);
        assertThat(replyTexts(custom, say(custom, "U1", "hello"))).containsExactly("We are fully booked this month.");
    }

    @Test
    void theMonthlyQuotaCountsAnsweredTurnsNotYetStored() {
        World world = world(BotSpec.demo(), "web");
        meter.add(world.tenant(), Instant.now(), 1000, 0); // counted by this process, not flushed yet

        UUID inbound = say(world, "U1", "hello");

        assertThat(replyTexts(world, inbound)).containsExactly(QuotaReply.DEFAULT_EN);
    }

    @Test
    void aSpentLlmBudgetStillLetsFlowsAnswerButNotTheLlm() {
        BotSpec spec = BotSpec.demo();
        spec.limitMessage = LIMIT;
        World world = world(spec, "web");
        scope.writeVoid(world.tenant(), () -> bots.setQuotaMessage(world.tenant().value(), world.bot(),
                "The assistant is resting until next month."));
        flow(world, new io.parley.core.flow.Flow(io.parley.core.tenancy.Ids.next(), "hours", true, 0,
                new io.parley.core.flow.Trigger.Keyword(java.util.List.of("hours"),
                        io.parley.core.flow.Trigger.Match.CONTAINS),
                java.util.List.of(new io.parley.core.flow.Step.Text("We open at 9."))));
        scope.writeVoid(world.tenant(), () ->
                usage.add(world.tenant().value(), UsagePeriod.of(Instant.now()), 0, 2_000_000)); // free plan: $2

        UUID flowAnswered = say(world, "U1", "opening hours?");
        UUID llmWanted = say(world, "U1", "tell me a story");

        assertThat(replyTexts(world, flowAnswered)).containsExactly("We open at 9.");
        assertThat(replyTexts(world, llmWanted)).containsExactly("The assistant is resting until next month.");
    }
}
