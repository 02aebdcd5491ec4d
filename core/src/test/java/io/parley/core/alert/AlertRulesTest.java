package io.parley.core.alert;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.notification.Notification;
import io.parley.core.notification.Notifications;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each alert rule fires once per condition and period, again in the next period, never while disabled — on real
 * PostgreSQL, at chosen instants (early 2026, far from the clock the periodic job uses).
 */
@MicronautTest(transactional = false)
class AlertRulesTest implements DatabaseTest {

    private static final UUID NEWEST = new UUID(-1L, -1L);

    @Inject
    AlertEvaluator evaluator;
    @Inject
    CredentialAlerts credentials;
    @Inject
    Notifications notifications;
    @Inject
    TenantScope scope;

    @Test
    void dailyCostFiresOncePerDayOfTheTenantsTimeZoneAndAgainTheNextDay() {
        AlertData data = AlertData.create("Asia/Taipei");
        data.rule("llm_daily_cost", true, 10_000_000L, null, null, null, null);
        // 2026-03-02 in Taipei runs from 2026-03-01T16:00Z to 2026-03-02T16:00Z
        data.llmCall(Instant.parse("2026-03-01T15:30:00Z"), "ok", 9_000_000); // still 03-01 in Taipei
        data.llmCall(Instant.parse("2026-03-01T17:00:00Z"), "ok", 6_000_000);

        assertThat(evaluate(data, "2026-03-01T18:00:00Z")).isZero(); // 6.00 today, not above 10.00
        data.llmCall(Instant.parse("2026-03-01T19:00:00Z"), "ok", 4_500_000);
        assertThat(evaluate(data, "2026-03-01T20:00:00Z")).isEqualTo(1); // 10.50
        data.llmCall(Instant.parse("2026-03-01T21:00:00Z"), "ok", 5_000_000);
        assertThat(evaluate(data, "2026-03-02T15:59:00Z")).isZero(); // the same Taipei day
        data.llmCall(Instant.parse("2026-03-02T16:30:00Z"), "ok", 12_000_000);
        assertThat(evaluate(data, "2026-03-02T17:00:00Z")).isEqualTo(1); // 03-03 in Taipei, same UTC day

        Notification alert = newest(data);
        assertThat(alert.kind()).isEqualTo("alert.llm_daily_cost");
        assertThat(alert.title()).isEqualTo("LLM cost today passed 10.00 USD");
        assertThat(alert.body()).contains("12.00 USD today (2026-03-03, Asia/Taipei)").contains("To act:");
        assertThat(alert.link()).isEqualTo("/analytics");
        assertThat(data.notifications("alert.llm_daily_cost")).isEqualTo(2);
    }

    @Test
    void failureRateFiresAboveItsShareOnceEnoughCallsWereMadeOncePerWindow() {
        AlertData data = AlertData.create("UTC");
        data.rule("llm_failure_rate", true, null, 25, 15, 4, null);
        Instant now = Instant.parse("2026-03-05T10:05:00Z"); // the slot 10:00–10:15
        data.llmCall(now.minusSeconds(300), "timeout", 0);
        data.llmCall(now.minusSeconds(240), "error", 0);
        data.llmCall(now.minusSeconds(200), "ok", 0);
        assertThat(evaluator.evaluate(data.tenant(), now)).as("3 calls, fewer than 4").isZero();

        data.llmCall(now.minusSeconds(100), "ok", 0);
        data.llmCall(now.minusSeconds(90), "ok", 0);
        data.llmCall(now.minusSeconds(80), "ok", 0);
        data.llmCall(now.minusSeconds(70), "ok", 0);
        data.llmCall(now.minusSeconds(60), "quota", 0); // a budget's stop, not a provider failure
        assertThat(evaluator.evaluate(data.tenant(), now)).as("2 of 8 = 25 %, not above").isZero();

        data.llmCall(now.minusSeconds(50), "rate_limited", 0);
        assertThat(evaluator.evaluate(data.tenant(), now)).as("3 of 9 = 33 %").isEqualTo(1);
        assertThat(evaluator.evaluate(data.tenant(), now.plusSeconds(240))).as("same 15-minute slot").isZero();

        Instant nextSlot = Instant.parse("2026-03-05T10:16:00Z");
        data.llmCall(nextSlot.minusSeconds(30), "circuit_open", 0);
        assertThat(evaluator.evaluate(data.tenant(), nextSlot)).isEqualTo(1);
        assertThat(newest(data).body()).startsWith("3 of 9 LLM calls failed between 10:01–10:16 (UTC)");
    }

    @Test
    void aHandoffWaitingLongerThanTheRuleFiresOnceAndAnAnsweredOneNever() {
        AlertData data = AlertData.create("Asia/Taipei");
        data.rule("handoff_waiting", true, null, null, null, null, 10);
        Instant handedOff = Instant.parse("2026-03-06T02:00:00Z");
        data.handoff(handedOff);

        assertThat(evaluator.evaluate(data.tenant(), handedOff.plus(Duration.ofMinutes(9)))).isZero();
        assertThat(evaluator.evaluate(data.tenant(), handedOff.plus(Duration.ofMinutes(11)))).isEqualTo(1);
        assertThat(evaluator.evaluate(data.tenant(), handedOff.plus(Duration.ofMinutes(20)))).isZero();
        Notification alert = newest(data);
        assertThat(alert.link()).isEqualTo("/inbox/" + data.conversation());
        assertThat(alert.body()).contains("handed to a person at 10:00 (Asia/Taipei)");
        assertThat(alert.minRole()).isEqualTo("agent");

        data.agentReply(handedOff.plus(Duration.ofMinutes(25)));
        Instant again = handedOff.plus(Duration.ofMinutes(30));
        data.handoff(again);
        data.agentReply(again.plus(Duration.ofMinutes(3)));
        assertThat(evaluator.evaluate(data.tenant(), again.plus(Duration.ofMinutes(15)))).as("answered").isZero();

        Instant third = handedOff.plus(Duration.ofMinutes(60));
        data.handoff(third);
        assertThat(evaluator.evaluate(data.tenant(), third.plus(Duration.ofMinutes(11)))).as("the next hand-off")
                .isEqualTo(1);
    }

    @Test
    void rejectedCredentialsFireOncePerChannelOrBotAndDay() {
        AlertData data = AlertData.create("UTC");
        data.rule("credentials_rejected", true, null, null, null, null, null);
        Instant at = Instant.parse("2026-03-07T08:00:00Z");

        reject(data, at);
        reject(data, at.plusSeconds(3600));
        assertThat(data.notifications("alert.credentials_rejected")).isEqualTo(1);
        Notification alert = newest(data);
        assertThat(alert.title()).isEqualTo("LINE rejected the credentials of channel Shop LINE");
        assertThat(alert.body()).contains("(LINE rejected the channel access token (401))").contains("To act:");
        assertThat(alert.link()).isEqualTo("/bots/" + data.bot());

        scope.writeVoid(data.tenant(), () -> credentials.llmRejected(data.tenant(), data.bot(), "Helper", at));
        scope.writeVoid(data.tenant(), () -> credentials.llmRejected(data.tenant(), data.bot(), "Helper", at));
        assertThat(data.notifications("alert.credentials_rejected")).isEqualTo(2);

        reject(data, at.plus(Duration.ofDays(1)));
        assertThat(data.notifications("alert.credentials_rejected")).isEqualTo(3);
    }

    @Test
    void aDisabledRuleNeverFires() {
        AlertData data = AlertData.create("UTC");
        data.rule("llm_daily_cost", false, 1L, null, null, null, null);
        data.rule("llm_failure_rate", false, null, 1, 15, 1, null);
        data.rule("handoff_waiting", false, null, null, null, null, 1);
        data.rule("credentials_rejected", false, null, null, null, null, null);
        Instant now = Instant.parse("2026-03-08T12:00:00Z");
        data.llmCall(now.minusSeconds(60), "error", 5_000_000);
        data.handoff(now.minus(Duration.ofHours(1)));

        assertThat(evaluator.evaluate(data.tenant(), now)).isZero();
        reject(data, now);
        assertThat(AlertData.count("SELECT count(*) FROM notifications WHERE tenant_id = ?", data.tenant().value()))
                .isZero();
        assertThat(AlertData.count("SELECT count(*) FROM alert_tenants WHERE tenant_id = ?", data.tenant().value()))
                .as("no periodic job for a tenant without an enabled rule").isZero();
    }

    @Test
    void twoWorkersEvaluatingAtOnceNotifyOnce() throws Exception {
        AlertData data = AlertData.create("UTC");
        data.rule("llm_daily_cost", true, 1_000_000L, null, null, null, null);
        Instant now = Instant.parse("2026-03-09T12:00:00Z");
        data.llmCall(now.minusSeconds(60), "ok", 2_000_000);

        Callable<Integer> evaluation = () -> evaluator.evaluate(data.tenant(), now);
        try (ExecutorService workers = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> runs = workers.invokeAll(List.of(evaluation, evaluation, evaluation, evaluation));
            int raised = 0;
            for (Future<Integer> run : runs) {
                raised += run.get();
            }
            assertThat(raised).isEqualTo(1);
        }
        assertThat(data.notifications("alert.llm_daily_cost")).isEqualTo(1);
    }

    private int evaluate(AlertData data, String at) {
        return evaluator.evaluate(data.tenant(), Instant.parse(at));
    }

    private void reject(AlertData data, Instant at) {
        scope.writeVoid(data.tenant(), () -> credentials.channelRejected(data.tenant(), data.bot(), data.channel(),
                "line", "Shop LINE", "LINE rejected the channel access token (401)", at));
    }

    private Notification newest(AlertData data) {
        return scope.read(data.tenant(), () -> notifications.page(data.tenant(), new UUID(0, 1), Role.OWNER, NEWEST,
                1, false)).getFirst();
    }
}
