package io.parley.api.analytics;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.core.analytics.AnalyticsRollup;
import io.parley.core.analytics.AnalyticsTrigger;
import io.parley.core.bot.BotRepository;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.TestChannels;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code parley.analytics.rollup-lookback} and {@code rollup-interval} are read. */
@MicronautTest(transactional = false)
class RollupSettingsTest extends ApiTest {

    @Inject
    TenantScope scope;
    @Inject
    BotRepository bots;
    @Inject
    DataSource dataSource;
    @Inject
    AnalyticsRollup rollup;
    @Inject
    AnalyticsTrigger trigger;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.analytics.rollup-lookback", "1m", "parley.analytics.rollup-interval", "1h");
    }

    @Test
    void rowsOlderThanTheLookbackAreNotRecomputed() {
        Session owner = api().signup("Short Memory Co");
        TenantId tenant = TenantId.parse(owner.tenantId()).orElseThrow();
        UUID channel = new TestChannels(scope, bots, dataSource).webChannel(tenant);
        History history = new History(tenant.value(), History.botOf(channel), channel);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        History.Talk talk = history.contact("S", now.minus(Duration.ofHours(2)));
        talk.says(now.minus(Duration.ofMinutes(30)));
        rollup.refresh(tenant);

        talk.says(now.minus(Duration.ofHours(2))); // late by more than the 1-minute lookback
        rollup.refresh(tenant);

        String range = "?from=" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "&to=" + LocalDate.now(ZoneOffset.UTC);
        assertThat(api().get("/api/v1/analytics/messages" + range, owner.accessToken()).at("totals.messagesIn"))
                .isEqualTo(1);
    }

    @Test
    void refreshesAreDueAtTheEndOfTheConfiguredInterval() throws Exception {
        Session owner = api().signup("Hourly Co");
        TenantId tenant = TenantId.parse(owner.tenantId()).orElseThrow();
        trigger.touched(tenant);

        try (Connection connection = RollupRefreshTest.superuser();
             PreparedStatement jobs = connection.prepareStatement(
                     "SELECT scheduled_at FROM jobs WHERE tenant_id = ? AND kind = 'analytics.rollup'")) {
            jobs.setObject(1, tenant.value());
            ResultSet rows = jobs.executeQuery();
            assertThat(rows.next()).isTrue();
            Instant due = rows.getTimestamp(1).toInstant();
            assertThat(due.getEpochSecond() % 3600).isZero();
            assertThat(due).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofMinutes(61)));
        }
    }
}
