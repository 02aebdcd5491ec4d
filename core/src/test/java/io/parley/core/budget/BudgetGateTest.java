package io.parley.core.budget;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.account.TenantRepository;
import io.parley.core.bot.BotRepository;
import io.parley.core.budget.BudgetGate.Admission;
import io.parley.core.budget.LlmBudget.AtCap;
import io.parley.core.notification.Notification;
import io.parley.core.notification.Notifications;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The hard cap holds under concurrency, and thresholds alert once per threshold per period. */
@MicronautTest(transactional = false)
class BudgetGateTest implements DatabaseTest {

    private static final UUID NEWEST = new UUID(-1L, -1L);

    @Inject
    BudgetGate gate;
    @Inject
    Budgets budgets;
    @Inject
    Notifications notifications;
    @Inject
    TenantScope scope;
    @Inject
    TenantRepository tenants;
    @Inject
    BotRepository bots;

    @Test
    void theHardCapHoldsUnderFiftyConcurrentCallsWithAtMostOneCallOfOvershoot() throws Exception {
        TenantId tenant = tenant();
        UUID bot = bot(tenant);
        long limit = 1_000_000;
        long ceiling = 100_000;
        save(tenant, new LlmBudget(null, limit, null, List.of(50, 80, 100), true, AtCap.MESSAGE, null, null));
        AtomicLong spent = new AtomicLong();
        AtomicInteger capped = new AtomicInteger();

        try (ExecutorService turns = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(turns.submit(() -> {
                    Admission admission = gate.admit(tenant, bot, "Bot", ceiling, Instant.now());
                    if (admission.cap() != null) {
                        capped.incrementAndGet();
                        return null;
                    }
                    Thread.sleep(ThreadLocalRandom.current().nextInt(5, 40)); // the LLM answers
                    long cost = ThreadLocalRandom.current().nextLong(60_000, ceiling + 1);
                    spent.addAndGet(cost);
                    gate.settle(tenant, bot, "Bot", admission, cost, Instant.now());
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }

        assertThat(spent.get()).isLessThanOrEqualTo(limit);  // ceilings reserved: the concurrent calls never pass it
        assertThat(capped.get()).isBetween(30, 41);
        // Then one call at a time uses what is left, and the last one may pass the limit by at most its own cost.
        Admission next;
        while ((next = gate.admit(tenant, bot, "Bot", ceiling, Instant.now())).cap() == null) {
            spent.addAndGet(ceiling);
            gate.settle(tenant, bot, "Bot", next, ceiling, Instant.now());
        }
        assertThat(spent.get()).isBetween(limit, limit + ceiling - 1);
        assertThat(scope.read(tenant, () -> budgets.view(tenant, null, Instant.now())).spentThisMonthMicros())
                .isEqualTo(spent.get());
    }

    @Test
    void thresholdsAlertOncePerThresholdPerPeriodWithTheHighestReached() {
        TenantId tenant = tenant();
        UUID bot = bot(tenant);
        save(tenant, new LlmBudget(null, 10_000_000L, null, List.of(50, 80, 100), false, AtCap.MESSAGE, null, null));

        for (long cost : new long[]{3_000_000, 3_000_000, 1_000_000, 2_000_000, 1_000_000, 1_000_000}) {
            Admission admission = gate.admit(tenant, bot, "Bot", 0, Instant.now());
            assertThat(admission.cap()).isNull(); // no hard cap: alerts only
            gate.settle(tenant, bot, "Bot", admission, cost, Instant.now());
        }

        assertThat(seen(tenant)).extracting(n -> n.params().get("percent")).containsExactly("100", "80", "50");
        assertThat(seen(tenant).getFirst().severity()).isEqualTo("critical");
        assertThat(seen(tenant).getFirst().body()).contains("$10.00 of $10.00 used this month").contains("No hard cap is set");
    }

    @Test
    void theBotsOwnBudgetCapsWithItsModeAndAlertsOnce() {
        TenantId tenant = tenant();
        UUID bot = bot(tenant);
        UUID otherBot = bot(tenant);
        save(tenant, new LlmBudget(null, 10_000_000L, null, List.of(100), true, AtCap.MESSAGE, null, null));
        save(tenant, new LlmBudget(bot, null, 500L, List.of(100), true, AtCap.CHEAPER_MODEL, "gpt-4o-mini", null));

        Admission first = gate.admit(tenant, bot, "Shop bot", 400, Instant.now());
        gate.settle(tenant, bot, "Shop bot", first, 500, Instant.now());
        Admission second = gate.admit(tenant, bot, "Shop bot", 400, Instant.now());
        Admission third = gate.admit(tenant, bot, "Shop bot", 400, Instant.now());
        Admission other = gate.admit(tenant, otherBot, "Other bot", 400, Instant.now());

        assertThat(first.cap()).isNull();
        assertThat(first.ceilingApplies()).isTrue();
        assertThat(second.cap()).isNotNull();
        assertThat(second.cap().atCap()).isEqualTo(AtCap.CHEAPER_MODEL);
        assertThat(second.cap().period()).isEqualTo(LlmBudget.Period.DAILY);
        assertThat(third.cap()).isNotNull();
        assertThat(other.cap()).isNull();
        assertThat(seen(tenant)).extracting(Notification::kind)
                .containsExactly("billing.budget.capped", "billing.budget.threshold");
        assertThat(seen(tenant).getFirst().link()).isEqualTo("/bots/" + bot);
        assertThat(seen(tenant).getFirst().title()).isEqualTo("Daily LLM budget of bot Shop bot reached: LLM calls stopped");
    }

    @Test
    void aTenantWithoutBudgetsIsNeitherTrackedNorCapped() {
        TenantId tenant = tenant();

        Admission admission = gate.admit(tenant, bot(tenant), "Bot", 1_000_000_000, Instant.now());

        assertThat(admission).isEqualTo(new Admission(false, null, null));
    }

    @Test
    void aReservationOfACallThatNeverSettledExpires() {
        TenantId tenant = tenant();
        UUID bot = bot(tenant);
        save(tenant, new LlmBudget(null, 1000L, null, List.of(100), true, AtCap.MESSAGE, null, null));

        gate.admit(tenant, bot, "Bot", 600, Instant.now().minusSeconds(3600)); // its process died an hour ago

        assertThat(gate.admit(tenant, bot, "Bot", 600, Instant.now()).cap()).isNull();
    }

    private void save(TenantId tenant, LlmBudget budget) {
        scope.writeVoid(tenant, () -> budgets.save(tenant, budget));
    }

    private List<Notification> seen(TenantId tenant) {
        return scope.read(tenant, () -> notifications.page(tenant, Ids.next(), Role.OWNER, NEWEST, 50, false));
    }

    private TenantId tenant() {
        TenantId tenant = new TenantId(Ids.next());
        scope.writeVoid(tenant, () -> tenants.insert(tenant.value(), "budget " + tenant));
        return tenant;
    }

    private UUID bot(TenantId tenant) {
        UUID botId = Ids.next();
        scope.writeVoid(tenant, () -> bots.insert(tenant.value(), botId, "Test bot", "active", "",
                "openai-compatible", null, null, null, null, null, null, null, 10, null, null, null, "none", null,
                null, "{}"));
        return botId;
    }
}
